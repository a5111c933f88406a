using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.BlockingIndexChangeAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class BlockingIndexChangeAnalyzerTests
{
    private const string Id = "20240301090000_IndexOrders";

    private static AnalyzerTest EfTest(ReferenceAssemblies references, string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = references };
        EfMigrationSources.Add(test.TestState, Id, "IndexOrders", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static DiagnosticResult Diagnostic(int location, string index, string columns, string table, string problem)
        => new DiagnosticResult("MIG1060", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithArguments(index, columns, table, problem);

    private const string PostgresCreate = "is built without CONCURRENTLY: PostgreSQL blocks writes to the table until the build ends";
    private const string PostgresDrop = "is dropped with a plain DROP INDEX: PostgreSQL locks the table against reads and writes, also while it waits for the lock; drop it CONCURRENTLY outside a transaction";
    private const string SqlServerCreate = "is built without ONLINE = ON: SQL Server blocks writes to the table until the build ends";

    [Fact]
    public async Task Npgsql_index_on_existing_table_without_concurrently_is_reported_on_the_whole_call()
    {
        await EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        {|#0:migrationBuilder.CreateIndex(
                            name: "IX_Orders_CustomerId",
                            table: "Orders",
                            column: "CustomerId")
                            .Annotation("Npgsql:IndexMethod", "btree")|};
            """,
            Diagnostic(0, "IX_Orders_CustomerId", " (CustomerId)", "existing table 'Orders'", PostgresCreate)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Npgsql_index_created_concurrently_is_silent()
    {
        await EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.CreateIndex(
                            name: "IX_Orders_CustomerId",
                            table: "Orders",
                            columns: new[] { "CustomerId", "PlacedAt" })
                            .Annotation("Npgsql:CreatedConcurrently", true);
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Npgsql_concurrently_set_to_false_is_reported()
    {
        await EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        {|#0:migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", columns: new[] { "CustomerId", "PlacedAt" })
                            .Annotation("Npgsql:CreatedConcurrently", false)|};
            """,
            Diagnostic(0, "IX_Orders_CustomerId", " (CustomerId, PlacedAt)", "existing table 'Orders'", PostgresCreate)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Index_on_a_table_created_earlier_in_the_same_migration_is_silent()
    {
        await EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.CreateTable(
                            name: "Invoices",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                OrderId = table.Column<int>(type: "integer", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Invoices", x => x.Id));

                        migrationBuilder.RenameTable(name: "Invoices", newName: "Bills");

                        migrationBuilder.CreateIndex(name: "IX_Bills_OrderId", table: "Bills", column: "OrderId");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Index_on_a_table_created_a_migration_earlier_is_reported()
    {
        var test = EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        {|#0:migrationBuilder.CreateIndex(name: "IX_Invoices_OrderId", table: "Invoices", column: "OrderId")|};
            """,
            Diagnostic(0, "IX_Invoices_OrderId", " (OrderId)", "existing table 'Invoices'", PostgresCreate));
        EfMigrationSources.Add(test.TestState, "20240201090000_AddInvoices", "AddInvoices", """
                        migrationBuilder.CreateTable(
                            name: "Invoices",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                OrderId = table.Column<int>(type: "integer", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Invoices", x => x.Id));
            """, """
                        migrationBuilder.DropTable(name: "Invoices");
            """);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Npgsql_raw_sql_index_statements_are_read_too()
    {
        await EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        {|#0:migrationBuilder.Sql(@"
                            -- partial index: EF Core cannot express it
                            CREATE UNIQUE INDEX ""IX_Orders_Code_Open"" ON sales.""Orders"" (""Code"") WHERE ""ClosedAt"" IS NULL;")|};
                        {|#1:migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Orders_Legacy\";")|};
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY \"IX_Orders_Note\" ON \"Orders\" (\"Note\");", suppressTransaction: true);
                        migrationBuilder.Sql("CREATE TABLE \"Tags\" (\"Id\" int); CREATE INDEX \"IX_Tags_Id\" ON \"Tags\" (\"Id\");");
            """,
            Diagnostic(0, "IX_Orders_Code_Open", string.Empty, "existing table 'sales.Orders'", "is built by CREATE INDEX without CONCURRENTLY: PostgreSQL blocks writes to the table until the build ends"),
            Diagnostic(1, "IX_Orders_Legacy", string.Empty, "an existing table", PostgresDrop)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_a_provider_package_nothing_is_reported()
    {
        await EfTest(
            TestReferences.EfCore,
            """
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
                        migrationBuilder.DropIndex(name: "IX_Orders_Legacy", table: "Orders");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Npgsql_drop_index_is_reported_even_for_a_concurrently_built_index()
    {
        await EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        const string table = "Orders";
                        {|#0:migrationBuilder.DropIndex(
                            name: "IX_Orders_" + nameof(table),
                            table: table)|};
            """,
            Diagnostic(0, "IX_Orders_table", string.Empty, "existing table 'Orders'", PostgresDrop)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Migrations_at_or_before_the_baseline_are_not_analysed()
    {
        var test = EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
            """);
        test.WithEditorConfig("migration_analyzers.baseline = 20240301090000_IndexOrders\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_configured_target_database_wins_over_the_referenced_packages()
    {
        var test = EfTest(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
            """);
        test.WithEditorConfig("migration_analyzers.target_database = sqlite\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SqlServer_index_without_online_is_reported_and_online_is_silent()
    {
        await EfTest(
            TestReferences.EfCoreSqlServer,
            """
                        {|#0:migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")|};
                        migrationBuilder.CreateIndex(name: "IX_Orders_PlacedAt", table: "Orders", column: "PlacedAt")
                            .Annotation("SqlServer:Online", true);
                        migrationBuilder.DropIndex(name: "IX_Orders_Legacy", table: "Orders");
            """,
            Diagnostic(0, "IX_Orders_CustomerId", " (CustomerId)", "existing table 'Orders'", SqlServerCreate)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SqlServer_check_can_be_turned_off_for_editions_without_online_builds()
    {
        var test = EfTest(
            TestReferences.EfCoreSqlServer,
            """
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
            """);
        test.WithEditorConfig("migration_analyzers.MIG1060.sql_server_online = false\n");
        await test.RunAsync(CancellationToken.None);
    }

    private const string FluentUsings = """
        using FluentMigrator;
        using FluentMigrator.Postgres;

        namespace Shop.Migrations
        {
        """;

    private static AnalyzerTest FluentTest(ReferenceAssemblies references, string usings, string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = references };
        test.TestState.Sources.Add(("/0/Migrations/M0042_IndexOrders.cs", $$"""
            {{usings}}
                [Migration(42)]
                public class IndexOrders : Migration
                {
                    public override void Up()
                    {
            {{up}}
                    }

                    public override void Down()
                    {
                        Delete.Index("IX_Orders_CustomerId").OnTable("Orders");
                    }
                }
            }
            """));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public async Task FluentMigrator_postgres_index_without_concurrently_is_reported()
    {
        await FluentTest(
            TestReferences.FluentMigratorPostgres,
            FluentUsings,
            """
                        {|#0:Create.Index("IX_Orders_CustomerId").OnTable("Orders")
                            .OnColumn("CustomerId").Ascending()|};
                        Create.Index("IX_Orders_PlacedAt").OnTable("Orders").OnColumn("PlacedAt").Ascending()
                            .WithOptions().AsConcurrently();
                        IfDatabase("SqlServer").Create.Index("IX_Orders_Total").OnTable("Orders").OnColumn("Total");
                        {|#1:Delete.Index("IX_Orders_Legacy").OnTable("Orders")|};
            """,
            Diagnostic(0, "IX_Orders_CustomerId", " (CustomerId)", "existing table 'Orders'", PostgresCreate),
            Diagnostic(1, "IX_Orders_Legacy", string.Empty, "existing table 'Orders'", PostgresDrop)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_index_on_new_table_is_silent()
    {
        await FluentTest(
            TestReferences.FluentMigratorPostgres,
            FluentUsings,
            """
                        Create.Table("Invoices")
                            .WithColumn("Id").AsInt32().PrimaryKey()
                            .WithColumn("OrderId").AsInt32().NotNullable();
                        Create.Index("IX_Invoices_OrderId").OnTable("Invoices").OnColumn("OrderId");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_sql_server_index_without_online_is_reported()
    {
        await FluentTest(
            TestReferences.FluentMigratorSqlServer,
            """
            using FluentMigrator;
            using FluentMigrator.SqlServer;

            namespace Shop.Migrations
            {
            """,
            """
                        {|#0:Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending()|};
                        Create.Index("IX_Orders_PlacedAt").OnTable("Orders").OnColumn("PlacedAt").Ascending().WithOptions().Online();
            """,
            Diagnostic(0, "IX_Orders_CustomerId", " (CustomerId)", "existing table 'Orders'", SqlServerCreate)).RunAsync(CancellationToken.None);
    }
}
