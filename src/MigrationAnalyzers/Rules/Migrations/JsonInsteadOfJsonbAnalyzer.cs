using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1191 (opt-in): a PostgreSQL column given the type <c>json</c> in Up, by <c>CreateTable</c>, <c>AddColumn</c> or an
/// <c>AlterColumn</c> that changes the type to it. jsonb is parsed once, can be indexed and compared; json is re-parsed on
/// every read. A column this migration creates or adds can simply be jsonb, so it carries the fix property; an existing
/// column would be rewritten under an ACCESS EXCLUSIVE lock by the type change, so it does not, and the message says so.
/// Only when the target database is PostgreSQL: other databases' json types are other things.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonInsteadOfJsonbAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property set when the fix may write jsonb: the column is new and its type is a string literal.</summary>
    public const string FixProperty = "fix";

    public const string FixValue = "jsonb";

    private const string NewColumn = "make it jsonb, which PostgreSQL parses once, can index (GIN) and compare; json only keeps the text as written (key order, duplicate keys, whitespace)";

    private const string ExistingColumn = "jsonb would be parsed once, indexable (GIN) and comparable, but changing an existing column's type rewrites the table under an ACCESS EXCLUSIVE lock, so no fix is offered; plan the change (a new jsonb column filled in batches) if the column is queried";

    private const string NotLiteral = "make it jsonb, which PostgreSQL parses once, can index (GIN) and compare; no fix is offered because the type is not written as a string literal here";

    public JsonInsteadOfJsonbAnalyzer()
        : base(MIG1191_JsonInsteadOfJsonb)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind is not (MigrationOperationKind.CreateTable or MigrationOperationKind.AddColumn or MigrationOperationKind.AlterColumn)
                || operation.Table is not { } table
                || TargetDatabasePolicy.ForOperation(context.Database, operation) is not { } database
                || !database.Is(DatabaseProvider.PostgreSql))
            {
                continue;
            }

            foreach (var column in operation.ColumnDefinitions)
            {
                if (StoreTypeArgument.Of(column) is not { StringValue: { } storeType } argument
                    || StoreTypeArgument.Normalized(storeType) != "json"
                    || (operation.Kind == MigrationOperationKind.AlterColumn && IsAlreadyJson(column)))
                {
                    continue;
                }

                var isNew = operation.Kind != MigrationOperationKind.AlterColumn;
                var canFix = isNew && StoreTypeArgument.IsLiteral(argument);
                var properties = canFix ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixValue) : null;
                var reason = !isNew ? ExistingColumn : canFix ? NewColumn : NotLiteral;
                context.Report(MIG1191_JsonInsteadOfJsonb, argument.Syntax.GetLocation(), properties, TableName.Display(operation.Schema, table), column.Name ?? operation.Name ?? "?", reason);
            }
        }
    }

    /// <summary>EF Core states the old type of an altered column: a column that already was json is not introduced here.</summary>
    private static bool IsAlreadyJson(ColumnDefinition column)
        => column.GetArgument("oldType")?.StringValue is { } oldType && StoreTypeArgument.Normalized(oldType) == "json";
}
