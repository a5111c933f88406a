using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Settings;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1060: an index built or dropped on a table that already exists, in a way that blocks the application, on the
/// migration's target database (<see cref="TargetDatabasePolicy"/>) and only where that database blocks
/// (<see cref="ProviderBehaviour.IndexBuild"/>). PostgreSQL: <c>CREATE INDEX</c> without CONCURRENTLY blocks writes
/// for the whole build; a plain <c>DROP INDEX</c> takes an ACCESS EXCLUSIVE lock (and Npgsql drops even a concurrently
/// built index that way, npgsql/efcore.pg#3901). SQL Server: an index built without ONLINE blocks writes. MySQL
/// (InnoDB builds online), SQLite (nothing else writes) and an unknown database stay silent, and so does a
/// single-instance deployment: the lock only matters while others write.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingIndexChangeAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property naming the database the diagnostic is about, for the code fixes.</summary>
    public const string DatabaseProperty = "Database";

    public const string PostgreSql = "PostgreSQL";

    public const string SqlServer = "SqlServer";

    /// <summary>Diagnostic property: "Create" or "Drop".</summary>
    public const string ChangeProperty = "Change";

    /// <summary>Diagnostic properties: the index name and schema as resolved at compile time (absent when unknown).</summary>
    public const string IndexNameProperty = "IndexName";

    public const string SchemaProperty = "Schema";

    public BlockingIndexChangeAnalyzer()
        : base(MIG1060_BlockingIndexChange)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        if (!context.IsRollingDeployment)
        {
            return;
        }

        var migration = context.Migration;
        var target = context.Database;
        var requireOnline = new SettingReader(context.Options, migration.Location.SourceTree).GetBool(SettingKeys.RequireOnlineIndexOnSqlServer, defaultValue: true);

        // Up only: Down undoes this migration's own changes, and its index operations mirror the ones reported here.
        var timeline = new UpTimeline(context.Catalog, migration);
        foreach (var operation in migration.Up.Operations)
        {
            if (TargetDatabasePolicy.ForOperation(target, operation) is not { } database)
            {
                continue;
            }

            var locking = database.Behaviour.IndexBuild;
            if (operation.Kind == MigrationOperationKind.Sql)
            {
                // A concurrent statement inside the transaction makes the whole migration fail: MIG1150 says so, and that comes first.
                if (locking == IndexBuildLocking.BlocksWritesUnlessConcurrent && !ConcurrentIndexInTransactionAnalyzer.FailsInTransaction(migration, operation))
                {
                    AnalyzeSql(context, timeline, operation);
                }

                continue;
            }

            if (operation.Kind is not (MigrationOperationKind.CreateIndex or MigrationOperationKind.DropIndex)
                || timeline.IsNewTable(operation))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.CreateIndex)
            {
                if (locking == IndexBuildLocking.BlocksWritesUnlessConcurrent && !IsConcurrent(operation))
                {
                    Report(context, operation, PostgreSql, "Create", "is built without CONCURRENTLY: PostgreSQL blocks writes to the table until the build ends");
                }
                else if (locking == IndexBuildLocking.BlocksWritesUnlessOnline && requireOnline && !IsOnline(operation))
                {
                    Report(context, operation, SqlServer, "Create", "is built without ONLINE = ON: SQL Server blocks writes to the table until the build ends");
                }
            }
            else if (locking == IndexBuildLocking.BlocksWritesUnlessConcurrent)
            {
                Report(context, operation, PostgreSql, "Drop", "is dropped with a plain DROP INDEX: PostgreSQL locks the table against reads and writes, also while it waits for the lock; drop it CONCURRENTLY outside a transaction");
            }
        }
    }

    /// <summary>
    /// Raw SQL that builds or drops an index without CONCURRENTLY (squawk's require-concurrent-index-creation/-deletion).
    /// One diagnostic per SQL operation: the first such statement, with how many more the same text holds.
    /// </summary>
    private static void AnalyzeSql(MigrationRuleContext context, UpTimeline timeline, MigrationOperation operation)
    {
        if ((operation.SqlTemplate ?? operation.SqlText) is not { } sql)
        {
            return;
        }

        (string? Name, string? Table, string Problem)? first = null;
        var more = 0;
        foreach (var statement in IndexStatementFinder.Find(sql))
        {
            if (statement.Concurrently || statement.OnNewTable)
            {
                continue;
            }

            (string? Name, string? Table, string Problem)? found = null;
            if (statement.Kind == IndexStatementKind.Create && statement.Table is { } table)
            {
                var tableName = table.Substring(table.LastIndexOf('.') + 1);
                var schema = tableName.Length < table.Length ? table.Substring(0, table.Length - tableName.Length - 1) : null;
                if (!timeline.IsNewTable(operation, schema, tableName))
                {
                    found = (statement.Name, table, "is built by CREATE INDEX without CONCURRENTLY: PostgreSQL blocks writes to the table until the build ends");
                }
            }
            else if (statement.Kind == IndexStatementKind.Drop)
            {
                found = (statement.Name, null, "is dropped with a plain DROP INDEX: PostgreSQL locks the table against reads and writes, also while it waits for the lock; drop it CONCURRENTLY outside a transaction");
            }

            if (found is null)
            {
                continue;
            }

            if (first is null)
            {
                first = found;
            }
            else
            {
                more++;
            }
        }

        if (first is { } report)
        {
            var problem = more == 0 ? report.Problem : report.Problem + " (and " + more.ToString(System.Globalization.CultureInfo.InvariantCulture) + " more index statement(s) in this SQL)";
            Report(context, operation, PostgreSql, "Sql", report.Name, report.Table, problem);
        }
    }

    /// <summary>A PostgreSQL index build that does not block writes: Npgsql's annotation, or FluentMigrator's AsConcurrently().</summary>
    internal static bool IsConcurrent(MigrationOperation operation)
        => operation.Framework == MigrationFramework.EntityFrameworkCore
            ? ProviderAnnotations.IsSet(operation, ProviderAnnotations.NpgsqlCreatedConcurrently)
            : HasEnabledCall(operation, "AsConcurrently");

    private static bool IsOnline(MigrationOperation operation)
        => operation.Framework == MigrationFramework.EntityFrameworkCore
            ? ProviderAnnotations.IsSet(operation, ProviderAnnotations.SqlServerOnline)
            : HasEnabledCall(operation, "Online");

    /// <summary><c>.AsConcurrently()</c> or <c>.AsConcurrently(true)</c>; <c>(false)</c> or a value not known at compile time is not trusted.</summary>
    private static bool HasEnabledCall(MigrationOperation operation, string name)
        => operation.FindCall(name) is { } call && (call.Arguments.IsEmpty || call.Arguments[0].BoolValue == true);

    private static void Report(MigrationRuleContext context, MigrationOperation operation, string database, string change, string problem)
        => Report(context, operation, database, change, operation.Name, operation.Table, problem);

    private static void Report(MigrationRuleContext context, MigrationOperation operation, string database, string change, string? index, string? table, string problem)
    {
        var columns = operation.Columns.IsEmpty ? string.Empty : " (" + string.Join(", ", operation.Columns) + ")";
        var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
            .Add(DatabaseProperty, database)
            .Add(ChangeProperty, change)
            .Add(IndexNameProperty, index)
            .Add(SchemaProperty, operation.Schema);
        context.Report(
            MIG1060_BlockingIndexChange,
            operation.Location,
            properties,
            index ?? "?",
            columns,
            table is not null ? "existing table '" + table + "'" : "an existing table",
            problem);
    }
}
