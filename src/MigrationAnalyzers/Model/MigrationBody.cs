using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>What Up or Down contains.</summary>
public sealed class MigrationBody
{
    public static readonly MigrationBody Missing = new MigrationBody(null, ImmutableArray<MigrationOperation>.Empty, ImmutableArray<SyntaxNode>.Empty, throws: false);

    public MigrationBody(
        MethodDeclarationSyntax? declaration,
        ImmutableArray<MigrationOperation> operations,
        ImmutableArray<SyntaxNode> unrecognizedStatements,
        bool throws)
    {
        Declaration = declaration;
        Operations = operations;
        UnrecognizedStatements = unrecognizedStatements;
        Throws = throws;
    }

    /// <summary>The method; null when the migration does not declare it.</summary>
    public MethodDeclarationSyntax? Declaration { get; }

    public bool IsDeclared => Declaration is not null;

    public ImmutableArray<MigrationOperation> Operations { get; }

    /// <summary>Statements that are not migration operations: helper calls, loops, conditions. Rules treat them as unknown.</summary>
    public ImmutableArray<SyntaxNode> UnrecognizedStatements { get; }

    /// <summary>The body throws unconditionally at its top level (<c>throw new NotSupportedException()</c>).</summary>
    public bool Throws { get; }

    /// <summary>Nothing happens when it runs: not declared, or declared with no statements.</summary>
    public bool DoesNothing => Operations.IsEmpty && UnrecognizedStatements.IsEmpty && !Throws;

    /// <summary>Running it cannot undo anything: it does nothing or throws before any operation.</summary>
    public bool CannotUndo => DoesNothing || (Throws && Operations.IsEmpty && UnrecognizedStatements.IsEmpty);

    public bool HasContent => !Operations.IsEmpty || !UnrecognizedStatements.IsEmpty;

    public Location? IdentifierLocation => Declaration?.Identifier.GetLocation();
}
