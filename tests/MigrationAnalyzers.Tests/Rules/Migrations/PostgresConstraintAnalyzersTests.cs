using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class ConstraintValidatedAtOnceAnalyzerTests
{
    private const string Id = "20240701090000_ConstrainOrders";

    private static DiagnosticResult Diagnostic(int location, string kind, string name, string table)
        => new DiagnosticResult("MIG1120", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(kind, name, table);

    private static Infrastructure.AnalyzerTest<ConstraintValidatedAtOnceAnalyzer> Test(ReferenceAssemblies references, string up, params DiagnosticResult[] expected)
    {
        var test = new Infrastructure.AnalyzerTest<ConstraintValidatedAtOnceAnalyzer> { ReferenceAssemblies = references };
        EfMigrationSources.Add(test.TestState, Id, "ConstrainOrders", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public async Task Foreign_keys_and_checks_on_existing_tables_are_reported_on_PostgreSQL()
    {
        await Test(
            TestReferences.EfCoreNpgsql,
            """
                        {|#0:migrationBuilder.AddForeignKey(
                            name: "FK_Orders_Customers_CustomerId",
                            table: "Orders",
                            column: "CustomerId",
                            principalTable: "Customers",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade)|};
                        {|#1:migrationBuilder.AddCheckConstraint(name: "CK_Orders_Total", table: "Orders", sql: "\"Total\" >= 0")|};
                        {|#2:migrationBuilder.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"FK_Orders_Shops\" FOREIGN KEY (\"ShopId\") REFERENCES \"Shops\" (\"Id\");")|};
            """,
            Diagnostic(0, "Foreign key", "FK_Orders_Customers_CustomerId", "Orders"),
            Diagnostic(1, "Check constraint", "CK_Orders_Total", "Orders"),
            Diagnostic(2, "Foreign key", "FK_Orders_Shops", "Orders")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Not_valid_constraints_new_tables_and_other_databases_are_silent()
    {
        const string Up = """
                        migrationBuilder.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"FK_Orders_Shops\" FOREIGN KEY (\"ShopId\") REFERENCES \"Shops\" (\"Id\") NOT VALID;");
                        migrationBuilder.CreateTable(
                            name: "Invoices",
                            columns: table => new { Id = table.Column<int>(nullable: false), OrderId = table.Column<int>(nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Invoices", x => x.Id));
                        migrationBuilder.AddForeignKey(name: "FK_Invoices_Orders", table: "Invoices", column: "OrderId", principalTable: "Orders", principalColumn: "Id");
            """;
        await Test(TestReferences.EfCoreNpgsql, Up).RunAsync(CancellationToken.None);
        await Test(
            TestReferences.EfCoreSqlServer,
            """
                        migrationBuilder.AddForeignKey(name: "FK_Orders_Customers", table: "Orders", column: "CustomerId", principalTable: "Customers", principalColumn: "Id");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_foreign_key_is_reported_when_it_runs_on_PostgreSQL()
    {
        var test = new Infrastructure.AnalyzerTest<ConstraintValidatedAtOnceAnalyzer> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.TestState.Sources.Add(("/0/Migrations/M0070.cs", """
            using FluentMigrator;

            [Migration(70)]
            public class ConstrainOrders : Migration
            {
                public override void Up()
                {
                    {|#0:Create.ForeignKey("FK_Orders_Customers").FromTable("Orders").ForeignColumn("CustomerId").ToTable("Customers").PrimaryColumn("Id")|};
                    IfDatabase("SqlServer").Create.ForeignKey("FK_Orders_Shops").FromTable("Orders").ForeignColumn("ShopId").ToTable("Shops").PrimaryColumn("Id");
                }

                public override void Down() => Delete.ForeignKey("FK_Orders_Customers").OnTable("Orders");
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "Foreign key", "FK_Orders_Customers", "Orders"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Baseline_is_honoured()
    {
        var test = Test(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.AddCheckConstraint(name: "CK_Orders_Total", table: "Orders", sql: "\"Total\" >= 0");
            """);
        test.WithEditorConfig("migration_analyzers.baseline = " + Id + "\n");
        await test.RunAsync(CancellationToken.None);
    }
}

public class UniqueConstraintWithoutIndexAnalyzerTests
{
    private const string Id = "20240701090000_ConstrainOrders";

    private static DiagnosticResult Diagnostic(int location, string kind, string name, string table)
        => new DiagnosticResult("MIG1130", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(kind, name, table);

    [Fact]
    public async Task Unique_constraints_and_primary_keys_on_existing_tables_are_reported()
    {
        var test = new Infrastructure.AnalyzerTest<UniqueConstraintWithoutIndexAnalyzer> { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        EfMigrationSources.Add(test.TestState, Id, "ConstrainOrders", """
                        {|#0:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", schema: "sales", table: "Orders", column: "Code")|};
                        migrationBuilder.DropPrimaryKey(name: "PK_Lines", table: "Lines");
                        {|#1:migrationBuilder.AddPrimaryKey(name: "PK_Lines", table: "Lines", columns: new[] { "OrderId", "Number" })|};
                        migrationBuilder.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"UQ_Orders_Ref\" UNIQUE USING INDEX \"IX_Orders_Ref\";");
                        {|#2:migrationBuilder.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"UQ_Orders_Key\" UNIQUE (\"Key\");")|};
                        migrationBuilder.CreateTable(
                            name: "Tags",
                            columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: false) });
                        migrationBuilder.AddUniqueConstraint(name: "AK_Tags_Name", table: "Tags", column: "Name");
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(0, "Unique constraint", "AK_Orders_Code", "sales.Orders"));
        test.ExpectedDiagnostics.Add(Diagnostic(1, "Primary key", "PK_Lines", "Lines"));
        test.ExpectedDiagnostics.Add(Diagnostic(2, "Unique constraint", "UQ_Orders_Key", "Orders"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_unique_constraint_on_PostgreSQL_is_reported_and_elsewhere_silent()
    {
        var source = """
            using FluentMigrator;

            [Migration(71)]
            public class ConstrainOrders : Migration
            {
                public override void Up() => {|#0:Create.UniqueConstraint("UQ_Orders_Code").OnTable("Orders").Column("Code")|};

                public override void Down() => Delete.UniqueConstraint("UQ_Orders_Code").FromTable("Orders");
            }
            """;
        var postgres = new Infrastructure.AnalyzerTest<UniqueConstraintWithoutIndexAnalyzer> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        postgres.TestState.Sources.Add(source);
        postgres.ExpectedDiagnostics.Add(Diagnostic(0, "Unique constraint", "UQ_Orders_Code", "Orders"));
        await postgres.RunAsync(CancellationToken.None);

        var sqlServer = new Infrastructure.AnalyzerTest<UniqueConstraintWithoutIndexAnalyzer> { ReferenceAssemblies = TestReferences.FluentMigratorSqlServer };
        sqlServer.TestState.Sources.Add(source.Replace("{|#0:", string.Empty).Replace("|};", ";"));
        await sqlServer.RunAsync(CancellationToken.None);
    }
}
