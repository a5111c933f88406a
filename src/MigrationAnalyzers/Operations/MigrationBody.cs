using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Operations;

/// <summary>What Up or Down contains.</summary>
public sealed class MigrationBody
{
    public static readonly MigrationBody Missing = new MigrationBody(null, ImmutableArray<MigrationOperation>.Empty, ImmutableArray<SyntaxNode>.Empty, throws: false);

    public MigrationBody(
        MethodDeclarationSyntax? declaration,
        ImmutableArray<MigrationOperation> operations,
        ImmutableArray<SyntaxNode> unrecognizedStatements,
        bool throws)
        : this(declaration, operations, unrecognizedStatements, throws, method: null, ImmutableArray<MethodDeclarationSyntax>.Empty, default)
    {
    }

    public MigrationBody(
        MethodDeclarationSyntax? declaration,
        ImmutableArray<MigrationOperation> operations,
        ImmutableArray<SyntaxNode> unrecognizedStatements,
        bool throws,
        IMethodSymbol? method,
        ImmutableArray<MethodDeclarationSyntax> calledMethods,
        ImmutableArray<int> operationsBeforeUnrecognized)
    {
        _operationsBeforeUnrecognized = operationsBeforeUnrecognized;
        Declaration = declaration;
        Operations = operations;
        UnrecognizedStatements = unrecognizedStatements;
        Throws = throws;
        Method = method;
        CalledMethods = calledMethods;
    }

    /// <summary>For each unrecognized statement, how many operations run before it; default when not recorded.</summary>
    private readonly ImmutableArray<int> _operationsBeforeUnrecognized;

    /// <summary>The method; null when the migration does not declare it.</summary>
    public MethodDeclarationSyntax? Declaration { get; }

    public bool IsDeclared => Declaration is not null;

    /// <summary>Up or Down as declared: in the migration class, or inherited from a user base class.</summary>
    public IMethodSymbol? Method { get; }

    /// <summary>
    /// Methods of the migration's hierarchy whose operations are part of this body: helpers it calls, template methods
    /// a base class's Up calls. Empty when every operation is written in <see cref="Declaration"/> itself; code fixes that
    /// move or rewrite statements of the body only work then.
    /// </summary>
    public ImmutableArray<MethodDeclarationSyntax> CalledMethods { get; }

    public bool IsSelfContained => CalledMethods.IsEmpty;

    /// <summary>Declared by a base class of <paramref name="migration"/> rather than the migration class itself.</summary>
    public bool IsInheritedBy(INamedTypeSymbol migration)
        => Method is { ContainingType: { } owner } && !SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, migration.OriginalDefinition);

    /// <summary>
    /// The declaration itself, without what it calls, holds no statement or only throws: a base class's
    /// <c>Down() =&gt; throw …</c> or <c>Down() { }</c>, written once for every migration that inherits it.
    /// </summary>
    public bool DeclarationOnlyThrowsOrIsEmpty
    {
        get
        {
            if (Declaration is null)
            {
                return false;
            }

            if (Declaration.ExpressionBody is { } arrow)
            {
                return arrow.Expression is ThrowExpressionSyntax;
            }

            foreach (var statement in Declaration.Body?.Statements ?? default)
            {
                if (statement is not (EmptyStatementSyntax or ThrowStatementSyntax))
                {
                    return false;
                }
            }

            return true;
        }
    }

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

    /// <summary>
    /// Some statement that is not a migration operation runs before <paramref name="operation"/>. Told by reading order,
    /// which also holds when the body reads helpers and template methods in other places or files.
    /// </summary>
    public bool HasUnrecognizedBefore(MigrationOperation operation)
    {
        if (UnrecognizedStatements.IsEmpty)
        {
            return false;
        }

        var index = Operations.IndexOf(operation);
        if (index < 0 || _operationsBeforeUnrecognized.IsDefault || _operationsBeforeUnrecognized.Length != UnrecognizedStatements.Length)
        {
            // Not one of this body's operations, or the order was not recorded: by position, when in the same file.
            foreach (var statement in UnrecognizedStatements)
            {
                if (statement.SyntaxTree != operation.Syntax.SyntaxTree || statement.SpanStart < operation.Syntax.SpanStart)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var before in _operationsBeforeUnrecognized)
        {
            if (before <= index)
            {
                return true;
            }
        }

        return false;
    }

    public Location? IdentifierLocation => Declaration?.Identifier.GetLocation();
}
