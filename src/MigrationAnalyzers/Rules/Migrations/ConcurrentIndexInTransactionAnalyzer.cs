using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

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
public sealed class ConcurrentIndexInTransactionAnalyzer : MigrationAnalyzer
{
    /// <summary>Diagnostic property: "Sql" when adding <c>suppressTransaction: true</c> fixes it, "Attribute" when <c>TransactionBehavior.None</c> on the migration does.</summary>
    public const string FixProperty = "Fix";

    public ConcurrentIndexInTransactionAnalyzer()
        : base(MIG1150_ConcurrentIndexInTransaction)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var catalog = MigrationCatalog.For(context.Compilation);
        if (!catalog.Symbols.HasAny)
        {
            return;
        }

        context.RegisterSymbolAction(
            symbolContext =>
            {
                if (catalog.Get((INamedTypeSymbol)symbolContext.Symbol) is not { } migration
                    || MigrationScope.IsBeforeBaseline(migration, symbolContext.Options)
                    || migration.RunsWithoutTransaction)
                {
                    return;
                }

                Analyze(symbolContext, migration, migration.Up);
                Analyze(symbolContext, migration, migration.Down);
            },
            SymbolKind.NamedType);
    }

    private static void Analyze(SymbolAnalysisContext context, MigrationInfo migration, MigrationBody body)
    {
        var isEf = migration.Framework == MigrationFramework.EntityFrameworkCore;
        foreach (var operation in body.Operations)
        {
            string? what = null;
            if (operation.Kind == OperationKind.Sql
                && !operation.SuppressesTransaction
                && operation.GetArgument("suppressTransaction") is not { BoolValue: null } // a value only known at run time: no guess
                && (operation.SqlTemplate ?? operation.SqlText) is { } sql)
            {
                what = IndexStatementFinder.FindFirstConcurrent(sql);
            }
            else if (!isEf && operation.Kind == OperationKind.CreateIndex && operation.FindCall("AsConcurrently") is { } call
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
            context.ReportDiagnostic(Diagnostic.Create(MIG1150_ConcurrentIndexInTransaction, operation.Location, properties, what, remedy));
        }
    }
}
