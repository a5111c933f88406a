using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1170 (PostgreSQL): raw SQL in a migration that runs REINDEX without CONCURRENTLY, VACUUM FULL or CLUSTER. Each
/// holds its lock for as long as it works: VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE, REINDEX
/// blocks writes to the table and reads through the index. That lock matters only where others use the table (a rolling
/// deployment). VACUUM, and CLUSTER or REINDEX of a whole database, also fail outright inside the migration's
/// transaction: that is reported under every deployment.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TableMaintenanceInMigrationAnalyzer : MigrationRuleAnalyzer
{
    public TableMaintenanceInMigrationAnalyzer()
        : base(MIG1170_TableMaintenanceInMigration)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        Analyze(context, context.Migration.Up);
        Analyze(context, context.Migration.Down);
    }

    private static void Analyze(MigrationRuleContext context, MigrationBody body)
    {
        var migration = context.Migration;
        foreach (var operation in body.Operations)
        {
            if (operation.Kind != MigrationOperationKind.Sql || (operation.SqlTemplate ?? operation.SqlText) is not { } sql)
            {
                continue;
            }

            var inTransaction = !migration.RunsWithoutTransaction && !operation.SuppressesTransaction
                && operation.GetArgument("suppressTransaction") is not { BoolValue: null };
            foreach (var statement in TableMaintenanceFinder.Find(sql))
            {
                if (!RunsOnPostgres(context, operation, statement))
                {
                    continue;
                }

                var fails = inTransaction && statement.CannotRunInTransaction;
                if (!fails && !context.IsRollingDeployment)
                {
                    continue;
                }

                var target = statement.Target is { } name ? " " + name : string.Empty;
                context.Report(MIG1170_TableMaintenanceInMigration, operation.Location, statement.Command + target, Consequence(statement, fails));
                break; // one diagnostic per SQL operation
            }
        }
    }

    private static bool RunsOnPostgres(MigrationRuleContext context, MigrationOperation operation, TableMaintenanceStatement statement)
    {
        if (TargetDatabasePolicy.ForOperation(context.Database, operation) is not { } database)
        {
            return false;
        }

        // VACUUM FULL and CLUSTER are PostgreSQL syntax; REINDEX TABLE is too, but SQLite has a REINDEX of its own.
        return database.Is(DatabaseProvider.PostgreSql) || (!database.IsKnown && statement.IsPostgresOnly);
    }

    private static string Consequence(TableMaintenanceStatement statement, bool failsInTransaction)
    {
        if (failsInTransaction)
        {
            return "PostgreSQL refuses it inside a transaction block, so the migration fails; run it outside the migration, in a maintenance job";
        }

        return statement.Command == "REINDEX"
            ? "writes to the table, and reads that use the index, wait until the index is rebuilt; use REINDEX … CONCURRENTLY (PostgreSQL 12+) outside the transaction, or run it as maintenance"
            : "PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock, so every read and write waits; run it in a maintenance window, or use pg_repack";
    }
}
