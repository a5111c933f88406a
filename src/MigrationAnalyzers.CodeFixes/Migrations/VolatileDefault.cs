using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1140's recipe for a default that rewrites the table (a volatile one, or any before PostgreSQL 11): the original
/// migration adds the column without it, which is instant, and sets it with <c>ALTER COLUMN … SET DEFAULT</c>, which
/// only new rows see; a following migration gives the existing rows the same expression (data apart from schema, as
/// MIG1020 wants). It reuses the first two of MIG1030's three steps with the default as the backfill value.
/// Nullable columns only: on PostgreSQL the NOT NULL step that a NOT NULL column would need is itself reported (MIG1050
/// scans the table under ACCESS EXCLUSIVE, MIG1193 without a lock timeout), and a fix adds no diagnostic.
/// One plan covers every such column of the migration, so one fix and Fix All write the same migrations.
/// </summary>
internal static class VolatileDefault
{
    /// <summary>FluentMigrator <c>SystemMethods</c> members and what its Postgres generator writes for them.</summary>
    private static readonly Dictionary<string, string> SystemMethods = new Dictionary<string, string>
    {
        ["NewGuid"] = "uuid_generate_v4()",
        ["NewSequentialId"] = "uuid_generate_v1()",
        ["CurrentDateTime"] = "now()",
        ["CurrentUTCDateTime"] = "(now() at time zone 'UTC')",
    };

    public static NewMigrationsPlan? TryPlan(Compilation compilation, INamedTypeSymbol type, string columnName, System.Version? databaseVersion)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up || up.Parent != main || !migration.Up.IsSelfContained
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit))
        {
            return null;
        }

        const DatabaseProvider postgres = DatabaseProvider.PostgreSql;
        var columns = new List<Planned>();
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.AddColumn
                && operation is { Name: { } name, Column: { } column, Statement: { } statement, Table: { } table }
                && operation.DatabaseConditions.IsEmpty
                && DefaultRewritesTableAnalyzer.DefaultRewrites(column, databaseVersion)
                && !NotNullColumn.IsAddedAsNotNull(operation, column)
                && !SameMigration.CreatesTableBefore(migration.Up, operation)
                && columns.All(planned => planned.Statement != statement && planned.Name != name)
                && DefaultOf(migration, column) is { } moved
                && Receiver(migration, operation) is { } receiver
                && (migration.Framework == MigrationFramework.EntityFrameworkCore
                    ? NotNullInThreeSteps.EfCoreSteps(migration, operation, statement, column, table, postgres, moved.Sql)
                    : NotNullInThreeSteps.FluentMigratorSteps(migration, operation, statement, column, table, postgres, moved.Sql, moved.Call)) is { } steps)
            {
                var setDefault = $"ALTER TABLE {SqlText.Table(operation.Schema, table, postgres)} ALTER COLUMN {SqlText.Name(name, postgres)} SET DEFAULT {moved.Sql};";
                columns.Add(new Planned(name, statement, steps, Sql(receiver, setDefault, migration), receiver, new PostgresBatchedBackfill.Column(operation.Schema, table, name, moved.Sql)));
            }
        }

        if (!columns.Any(column => column.Name == columnName)
            || NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Backfill" }, compilation) is not { Count: 1 } ids)
        {
            return null;
        }

        var backfill = ids[0].ClassName;
        var edits = columns.ToDictionary(column => column.Statement, column => (StatementSyntax?)column.Steps.NullableAdd);
        var following = columns.ToDictionary(
            column => column.Statement,
            column => (IReadOnlyList<StatementSyntax>)new[]
            {
                NewMigrationWriter.WithComment(
                    column.SetDefault,
                    $"Only new rows get the default here, which is instant; {backfill} gives it to the rows that exist (adding the column with it would rewrite the table).",
                    migration),
            });

        // The backfill gets a Down even when the original has none, as in MIG1030's three steps: it says why it does nothing.
        var downComment = $"Nothing to undo: the filled rows keep their value; {migration.Name}'s Down drops {(columns.Count == 1 ? "it" : "them")}.";
        // COMMIT inside DO needs PostgreSQL 11; before it the backfill stays one UPDATE in the migration's transaction.
        var batched = databaseVersion is { Major: < 11 }
            ? null
            : PostgresBatchedBackfill.Sql(migration, catalog, columns.Select(column => column.Fill).ToList(), NewMigrationWriter.LineBreak(migration));
        var migrations = new[]
        {
            batched is not null
                ? new NewMigration(
                    ids[0],
                    new[]
                    {
                        NewMigrationWriter.WithComment(
                            BatchedStatement(columns[0].Receiver, batched, migration),
                            $"Rows that existed before {migration.Name} get what the default gives new rows, {PostgresBatchedBackfill.BatchSize} at a time by primary key, each batch committed (so outside a transaction); run again, it fills only what is still NULL.",
                            migration),
                    },
                    new StatementSyntax[0],
                    downComment,
                    withoutTransaction: migration.Framework == MigrationFramework.FluentMigrator)
                : new NewMigration(
                    ids[0],
                    columns.Select(column => NewMigrationWriter.WithComment(
                        column.Steps.Backfill,
                        $"Rows that existed before {migration.Name} get what the default gives new rows; the default fills {column.Name} from now on.",
                        migration)).ToArray(),
                    new StatementSyntax[0],
                    downComment),
        };

        return new NewMigrationsPlan(migration, edits, migrations, following);
    }

    /// <summary>
    /// The default the fix moves, as SQL, and the FluentMigrator call that states it: EF Core's <c>defaultValueSql</c>
    /// literal; FluentMigrator's <c>WithDefault(SystemMethods.X)</c>. Null for anything else (a <c>defaultValue</c>
    /// constant, <c>WithDefaultValue</c>): no fix rather than a guess at how the provider writes it.
    /// </summary>
    private static (string Sql, InvocationExpressionSyntax? Call)? DefaultOf(MigrationInfo migration, ColumnDefinition column)
    {
        if (migration.Framework == MigrationFramework.EntityFrameworkCore)
        {
            return column.GetArgument("defaultValue") is null && column.GetArgument("defaultValueSql")?.StringValue is { } sql && sql.Trim().Length > 0
                ? (sql.Trim(), null)
                : null;
        }

        return column.FindCall("WithDefaultValue") is null
            && column.FluentCalls.Count(call => call.Name == "WithDefault") == 1
            && column.FindCall("WithDefault") is { Arguments.Length: 1, Syntax: InvocationExpressionSyntax call } withDefault
            && withDefault.Arguments[0].Syntax is MemberAccessExpressionSyntax { Expression: var owner, Name.Identifier.ValueText: var member }
            && owner.ToString().EndsWith("SystemMethods", System.StringComparison.Ordinal)
            && SystemMethods.TryGetValue(member, out var function)
                ? (function, call)
                : null;
    }

    /// <summary>What the migration calls operations on: <c>migrationBuilder</c> in EF Core; FluentMigrator's <c>Execute</c>.</summary>
    private static string? Receiver(MigrationInfo migration, MigrationOperation operation)
        => migration.Framework == MigrationFramework.FluentMigrator
            ? "Execute"
            : operation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } ? receiver.ToString() : null;

    private static StatementSyntax Sql(string receiver, string sql, MigrationInfo migration)
        => NewMigrationWriter.Statement($"{receiver}.Sql({SymbolDisplay.FormatLiteral(sql, quote: true)});", migration);

    /// <summary>
    /// The batched backfill as one statement: a verbatim string, so the <c>DO</c> block reads as SQL; EF Core runs it
    /// with <c>suppressTransaction</c>, FluentMigrator in a migration with <c>TransactionBehavior.None</c>.
    /// </summary>
    private static StatementSyntax BatchedStatement(string receiver, string sql, MigrationInfo migration)
    {
        var literal = "@\"" + sql.Replace("\"", "\"\"") + "\"";
        return NewMigrationWriter.Statement(
            migration.Framework == MigrationFramework.FluentMigrator
                ? $"{receiver}.Sql({literal});"
                : $"{receiver}.Sql({literal}, suppressTransaction: true);",
            migration);
    }

    private sealed class Planned
    {
        public Planned(string name, StatementSyntax statement, NotNullInThreeSteps.Steps steps, StatementSyntax setDefault, string receiver, PostgresBatchedBackfill.Column fill)
        {
            Name = name;
            Statement = statement;
            Steps = steps;
            SetDefault = setDefault;
            Receiver = receiver;
            Fill = fill;
        }

        public string Receiver { get; }

        public PostgresBatchedBackfill.Column Fill { get; }

        public string Name { get; }

        public StatementSyntax Statement { get; }

        public NotNullInThreeSteps.Steps Steps { get; }

        public StatementSyntax SetDefault { get; }
    }
}
