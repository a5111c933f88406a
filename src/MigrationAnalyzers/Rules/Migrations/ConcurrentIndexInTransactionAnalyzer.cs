using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1150: a concurrent index operation that will run inside the migration's transaction and so fail on PostgreSQL
/// (squawk ban-concurrent-index-creation-in-transaction, Atlas PG103).
/// EF Core: raw SQL with CONCURRENTLY but without <c>suppressTransaction: true</c> (Npgsql's own
/// <c>CreatedConcurrently</c> annotation leaves the transaction by itself and is fine).
/// FluentMigrator: <c>AsConcurrently()</c> or raw SQL with CONCURRENTLY in a migration without <c>TransactionBehavior.None</c>.
/// Up and Down both run, so both are checked. Not tied to a provider package: the SQL says PostgreSQL already.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConcurrentIndexInTransactionAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property: "Sql" when adding <c>suppressTransaction: true</c> fixes it, "Attribute" when <c>TransactionBehavior.None</c> on the migration does.</summary>
    public const string FixProperty = "Fix";

    public ConcurrentIndexInTransactionAnalyzer()
        : base(MIG1150_ConcurrentIndexInTransaction)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (migration.RunsWithoutTransaction)
        {
            return;
        }

        Analyze(context, migration, migration.Up);
        Analyze(context, migration, migration.Down);
    }

    /// <summary>Raw SQL of <paramref name="operation"/> runs a concurrent index statement inside the migration's transaction: this rule reports it.</summary>
    public static bool FailsInTransaction(MigrationInfo migration, MigrationOperation operation)
        => !migration.RunsWithoutTransaction
           && operation.Kind == MigrationOperationKind.Sql
           && !operation.SuppressesTransaction
           && operation.GetArgument("suppressTransaction") is not { BoolValue: null }
           && (operation.SqlTemplate ?? operation.SqlText) is { } sql
           && IndexStatementFinder.FindFirstConcurrent(sql) is not null;

    private static void Analyze(MigrationRuleContext context, MigrationInfo migration, MigrationBody body)
    {
        var isEf = migration.Framework == MigrationFramework.EntityFrameworkCore;
        foreach (var operation in body.Operations)
        {
            string? what = null;
            if (operation.Kind == MigrationOperationKind.Sql
                && !operation.SuppressesTransaction
                && operation.GetArgument("suppressTransaction") is not { BoolValue: null } // a value only known at run time: no guess
                && (operation.SqlTemplate ?? operation.SqlText) is { } sql)
            {
                what = IndexStatementFinder.FindFirstConcurrent(sql);
            }
            else if (!isEf && operation.Kind == MigrationOperationKind.CreateIndex && operation.FindCall("AsConcurrently") is { } call
                     && (call.Arguments.IsEmpty || call.Arguments[0].BoolValue != false))
            {
                what = "AsConcurrently()";
            }

            if (what is null)
            {
                continue;
            }

            var remedy = isEf
                ? "pass suppressTransaction: true and keep the statement alone in its migration"
                : "mark the migration [Migration(version, TransactionBehavior.None)] and keep the statement alone in it";
            var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(FixProperty, isEf ? "Sql" : "Attribute");
            context.Report(MIG1150_ConcurrentIndexInTransaction, operation.Location, properties, what, remedy);
        }
    }
}
