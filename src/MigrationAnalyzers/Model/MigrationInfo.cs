using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>One migration class as the rules see it: identity, position in history, Up and Down.</summary>
public sealed class MigrationInfo
{
    internal MigrationInfo(
        INamedTypeSymbol symbol,
        MigrationFramework framework,
        MigrationStyle style,
        string? id,
        long? position,
        AttributeSyntax? idAttribute,
        INamedTypeSymbol? dbContext,
        bool runsWithoutTransaction,
        ClassDeclarationSyntax? mainDeclaration,
        MethodDeclarationSyntax? targetModelDeclaration,
        MigrationBody up,
        MigrationBody down)
    {
        Symbol = symbol;
        Framework = framework;
        Style = style;
        Id = id;
        Position = position;
        IdAttribute = idAttribute;
        DbContext = dbContext;
        RunsWithoutTransaction = runsWithoutTransaction;
        MainDeclaration = mainDeclaration;
        TargetModelDeclaration = targetModelDeclaration;
        Up = up;
        Down = down;
    }

    public INamedTypeSymbol Symbol { get; }

    public string Name => Symbol.Name;

    public MigrationFramework Framework { get; }

    public MigrationStyle Style { get; }

    /// <summary>EF Core: the <c>[Migration("…")]</c> ID; FluentMigrator: the version as text. Null when absent or not constant.</summary>
    public string? Id { get; }

    /// <summary>The number that orders migrations: the EF Core timestamp (<c>yyyyMMddHHmmss</c>) or the FluentMigrator version.</summary>
    public long? Position { get; }

    /// <summary>The <c>[Migration]</c> attribute (for EF Core usually in the Designer file).</summary>
    public AttributeSyntax? IdAttribute { get; }

    /// <summary>EF Core: the context named by <c>[DbContext(typeof(…))]</c>; migrations of different contexts are separate histories.</summary>
    public INamedTypeSymbol? DbContext { get; }

    /// <summary>FluentMigrator: <c>[Migration(…, TransactionBehavior.None)]</c>.</summary>
    public bool RunsWithoutTransaction { get; }

    /// <summary>The hand-written part of the class: the declaration that holds Up, else the first one that is not a Designer file.</summary>
    public ClassDeclarationSyntax? MainDeclaration { get; }

    /// <summary>EF Core: <c>BuildTargetModel</c> in the Designer file, the model the application mapped after this migration.</summary>
    public MethodDeclarationSyntax? TargetModelDeclaration { get; }

    public MigrationBody Up { get; }

    public MigrationBody Down { get; }

    /// <summary>Where class-level diagnostics go: the class name in the hand-written file.</summary>
    public Location Location => MainDeclaration?.Identifier.GetLocation() ?? (Symbol.Locations.Length > 0 ? Symbol.Locations[0] : Location.None);

    /// <summary>The location lies in the migration class itself (any of its partial declarations), not in a base class.</summary>
    public bool Declares(Location location)
    {
        if (!location.IsInSource)
        {
            return false;
        }

        foreach (var reference in Symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == location.SourceTree && reference.Span.Contains(location.SourceSpan))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Two migrations belong to the same history: same framework, and for EF Core the same context. A migration that
    /// names no context (EF Core never runs it, MIG1100 says so) is read with the history it was written for, the one
    /// it sits beside, so its operations are judged against that schema rather than against an empty one.
    /// </summary>
    public bool SharesHistoryWith(MigrationInfo other)
        => Framework == other.Framework
           && (Framework != MigrationFramework.EntityFrameworkCore
               || DbContext is null
               || other.DbContext is null
               || SymbolEqualityComparer.Default.Equals(DbContext, other.DbContext));

    public override string ToString() => Id ?? Name;
}
