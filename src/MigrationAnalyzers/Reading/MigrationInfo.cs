using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// One migration class as the rules see it: identity, position in history, Up and Down. The identity (attributes,
/// position, Designer link) is read at once and costs no binding of method bodies; <see cref="Up"/> and <see cref="Down"/>
/// are read the first time a rule asks for them, so rules that only order or identify migrations (MIG1100, the history
/// index) never bind a body.
/// </summary>
public sealed class MigrationInfo
{
    private readonly Lazy<MigrationBody> _up;
    private readonly Lazy<MigrationBody> _down;

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
        : this(symbol, framework, style, id, position, idAttribute, dbContext, runsWithoutTransaction, mainDeclaration, targetModelDeclaration, up.Declaration, () => up, () => down)
    {
    }

    /// <summary>Up and Down are read by <paramref name="readUp"/> and <paramref name="readDown"/> on first use, once, whichever thread asks.</summary>
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
        MethodDeclarationSyntax? upDeclaration,
        Func<MigrationBody> readUp,
        Func<MigrationBody> readDown)
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
        UpDeclaration = upDeclaration;
        _up = new Lazy<MigrationBody>(readUp, LazyThreadSafetyMode.ExecutionAndPublication);
        _down = new Lazy<MigrationBody>(readDown, LazyThreadSafetyMode.ExecutionAndPublication);
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

    /// <summary>Up with its operations, read (and bound) on first use.</summary>
    public MigrationBody Up => _up.Value;

    /// <summary>Down with its operations, read (and bound) on first use.</summary>
    public MigrationBody Down => _down.Value;

    /// <summary>
    /// Up's declaration (in the class or a user base class), known without reading its operations: what
    /// <c>Up.Declaration</c> is, for rules that only ask whether there is an Up.
    /// </summary>
    public MethodDeclarationSyntax? UpDeclaration { get; }

    /// <summary>Up has been read: for tests that prove a rule does not pay for bodies it does not look at.</summary>
    internal bool IsUpRead => _up.IsValueCreated;

    /// <summary>Down has been read.</summary>
    internal bool IsDownRead => _down.IsValueCreated;

    /// <summary>
    /// Where class-level diagnostics go: the class name in the hand-written file. Made once, as every rule asks for it
    /// for every migration it judges (two threads making it at once make equal locations).
    /// </summary>
    public Location Location => _location ??= MainDeclaration?.Identifier.GetLocation() ?? (Symbol.Locations.Length > 0 ? Symbol.Locations[0] : Location.None);

    private Location? _location;

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
