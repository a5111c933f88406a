using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1070: part of a migration runs outside a transaction while the migration holds other operations.
/// EF Core: <c>Sql(…, suppressTransaction: true)</c>, and (Npgsql) an index created concurrently, which Npgsql runs
/// outside the transaction by itself; EF Core commits what ran before such a command and opens a new transaction after it.
/// FluentMigrator: <c>[Migration(v, TransactionBehavior.None)]</c> runs every operation on its own.
/// One operation alone is fine: it either happens or it does not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationOutsideTransactionAnalyzer : MigrationRuleAnalyzer
{
    public MigrationOutsideTransactionAnalyzer()
        : base(MIG1070_MigrationOutsideTransaction)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (migration.Framework == MigrationFramework.FluentMigrator)
        {
            var count = Count(migration.Up);
            if (migration.RunsWithoutTransaction && count > 1)
            {
                // The attribute may sit in a file we do not report in; the class name is then the place.
                var location = migration.IdAttribute is { } attribute && attribute.SyntaxTree == migration.Location.SourceTree
                    ? attribute.GetLocation()
                    : migration.Location;
                context.Report(
                    MIG1070_MigrationOutsideTransaction,
                    location,
                    migration.Name,
                    "all its operations (TransactionBehavior.None)",
                    (count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return;
        }

        // Npgsql runs a concurrently created index outside the transaction; the annotation means nothing to other providers.
        var onPostgres = context.Database.Is(MigrationAnalyzers.Databases.DatabaseProvider.PostgreSql);
        AnalyzeBody(context, migration, migration.Up, onPostgres);
        AnalyzeBody(context, migration, migration.Down, onPostgres);
    }

    private static void AnalyzeBody(MigrationRuleContext context, MigrationInfo migration, MigrationBody body, bool onPostgres)
    {
        var count = Count(body);
        if (count < 2)
        {
            return;
        }

        foreach (var operation in body.Operations)
        {
            var what = operation.Kind switch
            {
                MigrationOperationKind.Sql when operation.SuppressesTransaction => "this SQL",
                MigrationOperationKind.CreateIndex when onPostgres && ProviderAnnotations.IsSet(operation, ProviderAnnotations.NpgsqlCreatedConcurrently)
                    => "this concurrent index build",
                _ => null,
            };
            if (what is not null)
            {
                context.Report(
                    MIG1070_MigrationOutsideTransaction,
                    operation.Location,
                    migration.Name,
                    what,
                    (count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Operations plus statements the model could not read (a helper call may well change the schema).</summary>
    private static int Count(MigrationBody body) => body.Operations.Length + body.UnrecognizedStatements.Length;
}
