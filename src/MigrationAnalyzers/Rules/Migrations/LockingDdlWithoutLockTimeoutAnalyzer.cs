using System.Collections.Immutable;
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
/// MIG1193 (opt-in): a PostgreSQL migration whose Up takes a table lock on an existing table (schema operations, or raw
/// ALTER TABLE / CREATE INDEX / DROP / LOCK) before anything sets <c>lock_timeout</c>. Such a statement queues behind
/// any open transaction on the table, and every query after it queues behind it. One diagnostic per migration, on the
/// first such operation. The fix property (with the timeout to write, from <c>migration_analyzers.MIG1193.lock_timeout</c>)
/// is set only where <c>SET LOCAL</c> lasts for the whole Up: the whole migration runs in its transaction (EF Core runs
/// each migration in one unless a command suppresses it; FluentMigrator unless <c>TransactionBehavior.None</c>), runs on
/// PostgreSQL alone, and its Up is a block of this class the fix can add a first statement to.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LockingDdlWithoutLockTimeoutAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property: the lock_timeout the fix writes; absent when no fix is offered.</summary>
    public const string TimeoutProperty = "lock_timeout";

    public const string DefaultTimeout = "5s";

    public LockingDdlWithoutLockTimeoutAnalyzer()
        : base(MIG1193_LockingDdlWithoutLockTimeout)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        // The wait matters only while others use the table.
        if (!context.IsRollingDeployment)
        {
            return;
        }

        var migration = context.Migration;
        var up = migration.Up;
        foreach (var operation in up.Operations)
        {
            if (TargetDatabasePolicy.ForOperation(context.Database, operation) is not { } database || !database.Is(DatabaseProvider.PostgreSql))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.Sql)
            {
                if ((operation.SqlTemplate ?? operation.SqlText) is not { } sql)
                {
                    continue;
                }

                foreach (var statement in LockingStatementFinder.Find(sql))
                {
                    if (statement.SetsLockTimeout)
                    {
                        return;
                    }

                    if (!operation.SuppressesTransaction && !IsNewTable(up, operation, statement.Table))
                    {
                        Report(context, operation, statement.Table is { } locked ? "table '" + locked + "'" : "the table of the index it drops");
                        return;
                    }
                }

                continue;
            }

            if (Locks(up, operation) is { } what)
            {
                Report(context, operation, what);
                return;
            }
        }
    }

    private static void Report(MigrationRuleContext context, MigrationOperation operation, string what)
    {
        var reason = WhyNoFix(context);
        ImmutableDictionary<string, string?>? properties = null;
        string advice;
        if (reason is null)
        {
            var timeout = new SettingReader(context.Options, context.Migration.Location.SourceTree).GetString(Settings.SettingKeys.LockTimeout)?.Trim();
            if (timeout is null || SettingDefinitions.DurationValue(timeout) is not null)
            {
                timeout = DefaultTimeout;
            }

            properties = ImmutableDictionary<string, string?>.Empty.Add(TimeoutProperty, timeout);
            advice = "start Up with SET LOCAL lock_timeout = '" + timeout + "', so it fails fast instead and can be retried";
        }
        else
        {
            advice = "set lock_timeout before it; no fix is offered, because " + reason;
        }

        context.Report(MIG1193_LockingDdlWithoutLockTimeout, operation.Location, properties, context.Migration.Name, what, advice);
    }

    /// <summary>Why SET LOCAL at the start of Up would not cover the migration, or cannot be written there; null when it can.</summary>
    private static string? WhyNoFix(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (migration.RunsWithoutTransaction)
        {
            return "the migration runs without a transaction (TransactionBehavior.None), where SET LOCAL has no effect";
        }

        foreach (var operation in migration.Up.Operations)
        {
            if (operation.SuppressesTransaction || (operation.Kind == MigrationOperationKind.CreateIndex && BlockingIndexChangeAnalyzer.IsConcurrent(operation)))
            {
                return "part of Up runs outside the migration's transaction (suppressTransaction or a concurrent index), and SET LOCAL ends with the transaction";
            }

            if (!operation.DatabaseConditions.IsEmpty)
            {
                return "some operations run only on some databases (IfDatabase), and the SET would run on every database";
            }
        }

        if (migration.Up.Declaration is not { Body: not null } declaration
            || !SymbolEqualityComparer.Default.Equals(migration.Up.Method?.ContainingType, migration.Symbol)
            || declaration.SyntaxTree != migration.Up.Operations[0].Syntax.SyntaxTree)
        {
            return "Up is not a method body of this migration the fix can add a statement to";
        }

        return null;
    }

    /// <summary>
    /// What the operation locks, as the message shows it: the table, so that the message stays the same when a fix
    /// rewrites the operation as raw SQL on that table. Null when it locks nothing others use.
    /// </summary>
    private static string? Locks(MigrationBody up, MigrationOperation operation)
    {
        switch (operation.Kind)
        {
            case MigrationOperationKind.CreateIndex when BlockingIndexChangeAnalyzer.IsConcurrent(operation):
                return null;
            case MigrationOperationKind.DropIndex or MigrationOperationKind.RenameIndex when operation.Table is null:
                return "the table of index '" + (operation.Name ?? "?") + "'";
            case MigrationOperationKind.AddColumn or MigrationOperationKind.DropColumn or MigrationOperationKind.AlterColumn or MigrationOperationKind.RenameColumn
                or MigrationOperationKind.RenameTable or MigrationOperationKind.DropTable or MigrationOperationKind.AlterTable
                or MigrationOperationKind.CreateIndex or MigrationOperationKind.DropIndex or MigrationOperationKind.RenameIndex
                or MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.DropPrimaryKey or MigrationOperationKind.AddForeignKey or MigrationOperationKind.DropForeignKey
                or MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.DropUniqueConstraint or MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.DropCheckConstraint:
                return operation.Table is { } table && !SameMigration.CreatesTableBefore(up, operation)
                    ? "table '" + TableName.Display(operation.Schema, table) + "'"
                    : null;
            default:
                return null;
        }
    }

    private static bool IsNewTable(MigrationBody up, MigrationOperation operation, string? qualified)
    {
        if (qualified is null)
        {
            return false;
        }

        var table = qualified.Substring(qualified.LastIndexOf('.') + 1);
        var schema = table.Length < qualified.Length ? qualified.Substring(0, qualified.Length - table.Length - 1) : null;
        return SameMigration.CreatesTableBefore(up, operation, schema, table);
    }
}
