using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Settings;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1060: an index built or dropped on a table that already exists, in a way that blocks the application.
/// PostgreSQL: <c>CREATE INDEX</c> without CONCURRENTLY blocks writes for the whole build; a plain <c>DROP INDEX</c>
/// takes an ACCESS EXCLUSIVE lock (and Npgsql drops even a concurrently built index that way, npgsql/efcore.pg#3901).
/// SQL Server: an index built without ONLINE blocks writes. Each check runs only when that provider is referenced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingIndexChangeAnalyzer : MigrationRuleAnalyzer<DatabaseProviders>
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

    /// <summary>The providers in use; null (nothing to check) when neither PostgreSQL nor SQL Server is referenced.</summary>
    protected override DatabaseProviders? ResolveOnce(Compilation compilation, MigrationCatalog catalog)
    {
        var providers = DatabaseProviders.Detect(compilation);
        return providers.EfCoreNpgsql || providers.EfCoreSqlServer || providers.FluentMigratorPostgres || providers.FluentMigratorSqlServer
            ? providers
            : null;
    }

    protected override void AnalyzeMigration(MigrationRuleContext context, DatabaseProviders providers)
    {
        var migration = context.Migration;
        var (onPostgres, sqlServer) = providers.For(migration, context.Options);
        var onSqlServer = sqlServer
            && new SettingReader(context.Options, migration.Location.SourceTree).GetBool(SettingKeys.RequireOnlineIndexOnSqlServer, defaultValue: true);

        // Up only: Down undoes this migration's own changes, and its index operations mirror the ones reported here.
        var timeline = new UpTimeline(context.Catalog, migration);
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind == OperationKind.Sql && onPostgres && DatabaseProviders.MayRunOn(operation, "Postgres"))
            {
                AnalyzeSql(context, timeline, operation);
                continue;
            }

            if (operation.Kind is not (OperationKind.CreateIndex or OperationKind.DropIndex)
                || timeline.IsNewTable(operation))
            {
                continue;
            }

            if (operation.Kind == OperationKind.CreateIndex)
            {
                if (onPostgres && DatabaseProviders.MayRunOn(operation, "Postgres") && !IsConcurrent(operation))
                {
                    Report(context, operation, PostgreSql, "Create", "is built without CONCURRENTLY: PostgreSQL blocks writes to the table until the build ends");
                }

                if (onSqlServer && DatabaseProviders.MayRunOn(operation, "SqlServer") && !IsOnline(operation))
                {
                    Report(context, operation, SqlServer, "Create", "is built without ONLINE = ON: SQL Server blocks writes to the table until the build ends");
                }
            }
            else if (onPostgres && DatabaseProviders.MayRunOn(operation, "Postgres"))
            {
                Report(context, operation, PostgreSql, "Drop", "is dropped with a plain DROP INDEX: PostgreSQL locks the table against reads and writes, also while it waits for the lock; drop it CONCURRENTLY outside a transaction");
            }
        }
    }

    /// <summary>Raw SQL that builds or drops an index without CONCURRENTLY (squawk's require-concurrent-index-creation/-deletion).</summary>
    private static void AnalyzeSql(MigrationRuleContext context, UpTimeline timeline, MigrationOperation operation)
    {
        if ((operation.SqlTemplate ?? operation.SqlText) is not { } sql)
        {
            return;
        }

        foreach (var statement in IndexStatementFinder.Find(sql))
        {
            if (statement.Concurrently || statement.OnNewTable)
            {
                continue;
            }

            if (statement.Kind == IndexStatementKind.Create && statement.Table is { } table)
            {
                var tableName = table.Substring(table.LastIndexOf('.') + 1);
                var schema = tableName.Length < table.Length ? table.Substring(0, table.Length - tableName.Length - 1) : null;
                if (!timeline.IsNewTable(operation, schema, tableName))
                {
                    Report(context, operation, PostgreSql, "Sql", statement.Name, table, "is built by CREATE INDEX without CONCURRENTLY: PostgreSQL blocks writes to the table until the build ends");
                }
            }
            else if (statement.Kind == IndexStatementKind.Drop)
            {
                Report(context, operation, PostgreSql, "Sql", statement.Name, null, "is dropped with a plain DROP INDEX: PostgreSQL locks the table against reads and writes, also while it waits for the lock; drop it CONCURRENTLY outside a transaction");
            }
        }
    }

    private static bool IsConcurrent(MigrationOperation operation)
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
