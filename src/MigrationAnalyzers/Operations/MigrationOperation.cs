using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Operations;

/// <summary>
/// One operation of Up or Down with the names it touches resolved from literals, constants and <c>nameof</c>.
/// A name that cannot be resolved at compile time is null: rules then stay silent rather than guess.
/// </summary>
public sealed class MigrationOperation
{
    public MigrationOperation(
        MigrationOperationKind kind,
        MigrationFramework framework,
        ExpressionSyntax syntax,
        StatementSyntax? statement,
        string methodName,
        IMethodSymbol? method)
    {
        Kind = kind;
        Framework = framework;
        Syntax = syntax;
        Statement = statement;
        MethodName = methodName;
        HasMethod = method is not null;
    }

    public MigrationOperationKind Kind { get; }

    public MigrationFramework Framework { get; }

    /// <summary>
    /// The whole operation call: EF Core <c>migrationBuilder.AddColumn&lt;T&gt;(…)</c> including chained
    /// <c>.Annotation(…)</c> calls; FluentMigrator the whole chain. This is where diagnostics go.
    /// </summary>
    public ExpressionSyntax Syntax { get; }

    /// <summary>The statement holding the operation; null for constraints inside <c>CreateTable</c>.</summary>
    public StatementSyntax? Statement { get; }

    /// <summary>EF Core: the <c>MigrationBuilder</c> method; FluentMigrator: root and first verb (<c>Create.Table</c>).</summary>
    public string MethodName { get; }

    /// <summary>
    /// The call resolved to a method (of the builder, a provider extension or a helper). Only whether, never which: the
    /// operation keeps no symbol, so it can outlive its compilation in the shared schema timeline.
    /// </summary>
    public bool HasMethod { get; }

    public string? Schema { get; internal set; }

    public string? Table { get; internal set; }

    /// <summary>The column, index, constraint, sequence or schema name, depending on <see cref="Kind"/>.</summary>
    public string? Name { get; internal set; }

    /// <summary>Renames: the new name. Table renames: the new table name.</summary>
    public string? NewName { get; internal set; }

    public string? NewSchema { get; internal set; }

    /// <summary>Indexes and keys: the columns they cover, where known.</summary>
    public ImmutableArray<string> Columns { get; internal set; } = ImmutableArray<string>.Empty;

    /// <summary>Foreign keys: the referenced table.</summary>
    public string? PrincipalTable { get; internal set; }

    /// <summary>CreateTable: the columns; AddColumn/AlterColumn: the one column.</summary>
    public ImmutableArray<ColumnDefinition> ColumnDefinitions { get; internal set; } = ImmutableArray<ColumnDefinition>.Empty;

    /// <summary>CreateTable: the constraints declared in its <c>constraints</c> lambda (or FluentMigrator column modifiers).</summary>
    public ImmutableArray<MigrationOperation> Constraints { get; internal set; } = ImmutableArray<MigrationOperation>.Empty;

    /// <summary>EF Core: the call's arguments by parameter name.</summary>
    public OperationArguments Arguments { get; internal set; } = OperationArguments.Empty;

    /// <summary>FluentMigrator: the chain, root first.</summary>
    public ImmutableArray<FluentCall> FluentCalls { get; internal set; } = ImmutableArray<FluentCall>.Empty;

    /// <summary>EF Core: <c>.Annotation(name, value)</c> calls chained on the operation, by annotation name.</summary>
    public OperationArguments Annotations { get; internal set; } = OperationArguments.Empty;

    /// <summary>Raw SQL: the text when it is a compile-time constant.</summary>
    public string? SqlText { get; internal set; }

    /// <summary>
    /// Raw SQL: the text with <c>{expression}</c> where a part is only known at run time (interpolation holes,
    /// concatenated variables); equal to <see cref="SqlText"/> when the whole text is constant; null when nothing is known.
    /// </summary>
    public string? SqlTemplate { get; internal set; }

    /// <summary>Raw SQL: <c>suppressTransaction: true</c>.</summary>
    public bool SuppressesTransaction { get; internal set; }

    /// <summary>FluentMigrator: the operation runs only for some databases (<c>IfDatabase(…)</c>).</summary>
    public ImmutableArray<string> DatabaseConditions { get; internal set; } = ImmutableArray<string>.Empty;

    public OperationArgument? GetArgument(string name) => Arguments.TryGetValue(name, out var argument) ? argument : null;

    public FluentCall? FindCall(string name) => FluentCall.Find(FluentCalls, name);

    /// <summary>The column this operation adds, alters, drops or renames, if it is a single-column operation.</summary>
    public ColumnDefinition? Column => ColumnDefinitions.Length == 1 ? ColumnDefinitions[0] : null;

    public Location Location => Syntax.GetLocation();

    public override string ToString() => Kind + " " + (Table ?? "?") + (Name is null ? string.Empty : "." + Name);
}
