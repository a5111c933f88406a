using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.TableMaintenanceInMigrationAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>MIG1170: REINDEX without CONCURRENTLY, VACUUM FULL and CLUSTER in a migration (PostgreSQL).</summary>
public class TableMaintenanceInMigrationAnalyzerTests
{
    private const string Id = "20240801090000_CompactOrders";

    private const string Fails = "PostgreSQL refuses it inside a transaction block, so the migration fails; run it outside the migration, in a maintenance job";

    private const string Rewrite = "PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock, so every read and write waits; run it in a maintenance window, or use pg_repack";

    private const string Reindex = "writes to the table, and reads that use the index, wait until the index is rebuilt; use REINDEX … CONCURRENTLY (PostgreSQL 12+) outside the transaction, or run it as maintenance";

    private static DiagnosticResult Diagnostic(int location, string command, string consequence)
        => new DiagnosticResult("MIG1170", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(command, consequence);

    private static AnalyzerTest Test(ReferenceAssemblies references, string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = references };
        EfMigrationSources.Add(test.TestState, Id, "CompactOrders", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private const string Statements = """
                        {|#0:migrationBuilder.Sql("REINDEX TABLE \"Orders\";")|};
                        {|#1:migrationBuilder.Sql("VACUUM FULL \"Orders\";")|};
                        {|#2:migrationBuilder.Sql("VACUUM (FULL, ANALYZE) \"Orders\";", suppressTransaction: true)|};
                        {|#3:migrationBuilder.Sql("CLUSTER \"Orders\" USING \"IX_Orders_PlacedAt\";")|};
                        migrationBuilder.Sql("REINDEX INDEX CONCURRENTLY \"IX_Orders_PlacedAt\";", suppressTransaction: true);
                        migrationBuilder.Sql("VACUUM ANALYZE \"Orders\";", suppressTransaction: true);
                        migrationBuilder.Sql("-- VACUUM FULL would lock Orders\nANALYZE \"Orders\";");
                        migrationBuilder.Sql("UPDATE \"Settings\" SET \"Value\" = 'CLUSTER' WHERE \"Key\" = 'Mode';");
            """;

    [Fact]
    public async Task Postgres_maintenance_statements_are_reported()
    {
        await Test(
            TestReferences.EfCoreNpgsql,
            Statements,
            Diagnostic(0, "REINDEX Orders", Reindex),
            Diagnostic(1, "VACUUM FULL Orders", Fails),
            Diagnostic(2, "VACUUM FULL Orders", Rewrite),
            Diagnostic(3, "CLUSTER Orders", Rewrite)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Single_instance_keeps_only_what_fails()
    {
        var test = Test(
            TestReferences.EfCoreNpgsql,
            System.Text.RegularExpressions.Regex.Replace(Statements, @"\{\|#[023]:(.*?)\|\}", "$1"),
            Diagnostic(1, "VACUUM FULL Orders", Fails));
        test.WithEditorConfig("migration_analyzers.deployment = single_instance\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SQLite_and_SQL_Server_are_silent()
    {
        await Test(TestReferences.EfCoreSqlite, """
                        migrationBuilder.Sql("REINDEX;");
                        migrationBuilder.Sql("VACUUM;", suppressTransaction: true);
            """).RunAsync(CancellationToken.None);

        await Test(TestReferences.EfCoreSqlServer, """
                        migrationBuilder.Sql("ALTER INDEX ALL ON [Orders] REBUILD;");
                        migrationBuilder.Sql("REINDEX TABLE [Orders];");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_statements_are_reported()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.TestState.Sources.Add(("/0/Migrations/M0100.cs", """
            using FluentMigrator;

            [Migration(100, TransactionBehavior.None)]
            public class CompactOrders : Migration
            {
                public override void Up()
                {
                    {|#0:Execute.Sql("VACUUM FULL VERBOSE orders;")|};
                    {|#1:Execute.Sql("CLUSTER orders USING ix_orders_placed_at;")|};
                    Execute.Sql("VACUUM ANALYZE orders;");
                }

                public override void Down()
                {
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "VACUUM FULL orders", Rewrite));
        test.ExpectedDiagnostics.Add(Diagnostic(1, "CLUSTER orders", Rewrite));
        await test.RunAsync(CancellationToken.None);
    }
}
