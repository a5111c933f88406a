using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.DestructiveRawSqlAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class DestructiveRawSqlAnalyzerTests
{
    private const string Id = "20240501090000_CleanUpOrders";

    private static DiagnosticResult Diagnostic(int location, string problems)
        => new DiagnosticResult("MIG1080", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(problems);

    private static Task RunEfAsync(string up, string down, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest();
        EfMigrationSources.Add(test.TestState, Id, "CleanUpOrders", up, down);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Literals_constants_verbatim_raw_and_concatenated_sql_are_read()
    {
        await RunEfAsync(
            """"
                        const string Orders = "\"Orders\"";
                        {|#0:migrationBuilder.Sql("TRUNCATE TABLE " + Orders + ";")|};
                        {|#1:migrationBuilder.Sql(@"ALTER TABLE ""Orders""
                            DROP COLUMN ""LegacyCode""; -- no longer read")|};
                        {|#2:migrationBuilder.Sql(
                            """
                            /* clean slate */
                            DELETE FROM "OrderLines";
                            """)|};
                        {|#3:migrationBuilder.Sql($"DROP TABLE {Orders}")|};
            """",
            string.Empty,
            Diagnostic(0, "empties table 'Orders' (TRUNCATE)"),
            Diagnostic(1, "drops column 'Orders.LegacyCode'"),
            Diagnostic(2, "deletes every row of 'OrderLines' (DELETE without WHERE)"),
            Diagnostic(3, "drops table 'Orders'"));
    }

    [Fact]
    public async Task Interpolated_sql_with_run_time_holes_is_read_around_the_holes()
    {
        await RunEfAsync(
            """
                        foreach (var table in new[] { "Orders", "Invoices" })
                        {
                        }

                        var archive = "OrdersArchive";
                        {|#0:migrationBuilder.Sql($"UPDATE \"{archive}\" SET \"Status\" = 'closed'")|};
            """,
            string.Empty,
            Diagnostic(0, "overwrites every row of '{archive}' (UPDATE without WHERE)"));
    }

    [Fact]
    public async Task Targeted_and_harmless_sql_is_silent()
    {
        await RunEfAsync(
            """
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = 'closed' WHERE \"ClosedAt\" IS NOT NULL;");
                        migrationBuilder.Sql("-- DROP TABLE \"Orders\";\nSELECT 1;");
                        migrationBuilder.Sql("INSERT INTO \"Audit\" (\"Text\") VALUES ('TRUNCATE \"Orders\"');");
                        migrationBuilder.Sql("ALTER TABLE \"Orders\" DROP CONSTRAINT \"FK_Orders_Customers\";");
            """,
            """
                        migrationBuilder.Sql("DELETE FROM \"Orders\";");
            """);
    }

    [Fact]
    public async Task Tables_created_and_columns_added_earlier_in_the_migration_are_silent()
    {
        await RunEfAsync(
            """
                        migrationBuilder.CreateTable(
                            name: "ImportBuffer",
                            columns: table => new { Id = table.Column<int>(nullable: false) },
                            constraints: table => table.PrimaryKey("PK_ImportBuffer", x => x.Id));
                        migrationBuilder.Sql("DELETE FROM \"ImportBuffer\";");

                        migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", nullable: true);
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Total\" = 0;");
                        {|#0:migrationBuilder.Sql("UPDATE \"Orders\" SET \"Total\" = 0, \"Status\" = 'new';")|};
            """,
            string.Empty,
            Diagnostic(0, "overwrites every row of 'Orders' (UPDATE without WHERE)"));
    }

    [Fact]
    public async Task FluentMigrator_Execute_Sql_is_read()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        test.TestState.Sources.Add(("/0/Migrations/M0050_CleanUp.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(50)]
                public class CleanUp : Migration
                {
                    private const string Table = "Orders";

                    public override void Up()
                    {
                        {|#0:Execute.Sql($"DELETE FROM [{Table}]; DROP TABLE [dbo].[LegacyOrders];")|};
                        Execute.Sql("DELETE FROM [Orders] WHERE [Id] < 100");
                    }

                    public override void Down()
                    {
                    }
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "deletes every row of 'Orders' (DELETE without WHERE); drops table 'dbo.LegacyOrders'"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Baseline_is_honoured()
    {
        var test = new AnalyzerTest();
        EfMigrationSources.Add(test.TestState, Id, "CleanUpOrders", """
                        migrationBuilder.Sql("DROP TABLE \"Orders\";");
            """);
        test.WithEditorConfig("migration_analyzers.baseline = 20240601000000\n");
        await test.RunAsync(CancellationToken.None);
    }
}
