using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.IntIdentityOnNewTableAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>MIG1190 (opt-in): a 32-bit identity column on a new table, and its fix to bigint.</summary>
public class IntIdentityOnNewTableAnalyzerTests
{
    private const string Id = "20240901090000_CreateOrders";

    public const string Fixable = "make it bigint now, while the table is empty (and the entity's key long)";

    private const string NpgsqlUsings = "using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;";

    private static DiagnosticResult Diagnostic(int location, string table, string column, string kind, string advice)
        => new DiagnosticResult("MIG1190", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(table, column, kind, advice);

    /// <summary>EF Core: reported on the table name (#9), the column (<paramref name="location"/>) its first additional location.</summary>
    private static DiagnosticResult EfDiagnostic(int location, string table, string column, string kind, string advice)
        => Diagnostic(9, table, column, kind, advice).WithLocation(location);

    /// <summary>Two new tables, the second referring to the first with an int column.</summary>
    public const string EfUp = """
                    migrationBuilder.CreateTable(
                        name: {|#9:"Orders"|},
                        columns: table => new
                        {
                            Id = {|#0:table.Column<int>(type: "integer", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)|},
                            Total = table.Column<decimal>(type: "numeric", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));

                    migrationBuilder.CreateTable(
                        name: "OrderLines",
                        columns: table => new
                        {
                            Id = table.Column<long>(type: "bigint", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                            OrderId = {|#2:table.Column<int>(type: "integer", nullable: false)|},
                            Quantity = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_OrderLines", x => x.Id);
                            table.ForeignKey(
                                name: "FK_OrderLines_Orders_OrderId",
                                column: x => x.OrderId,
                                principalTable: "Orders",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });
        """;

    public const string EfFixedUp = """
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<long>(type: "bigint", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                            Total = table.Column<decimal>(type: "numeric", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));

                    migrationBuilder.CreateTable(
                        name: "OrderLines",
                        columns: table => new
                        {
                            Id = table.Column<long>(type: "bigint", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                            OrderId = table.Column<long>(type: "bigint", nullable: false),
                            Quantity = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_OrderLines", x => x.Id);
                            table.ForeignKey(
                                name: "FK_OrderLines_Orders_OrderId",
                                column: x => x.OrderId,
                                principalTable: "Orders",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });
        """;

    public const string EfDown = """
                    migrationBuilder.DropTable(name: "OrderLines");
                    migrationBuilder.DropTable(name: "Orders");
        """;

    [Fact]
    public async Task Npgsql_int_identity_is_reported_with_the_referring_column_and_a_bigint_one_is_not()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        EfMigrationSources.Add(test.TestState, Id, "CreateOrders", EfUp, EfDown, NpgsqlUsings);
        test.ExpectedDiagnostics.Add(EfDiagnostic(0, "Orders", "Id", "an int identity", Fixable).WithLocation(2));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_reference_from_an_existing_table_leaves_no_fix()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        EfMigrationSources.Add(test.TestState, Id, "CreateOrders", """
                        migrationBuilder.CreateTable(
                            name: {|#9:"Orders"|},
                            columns: table => new
                            {
                                Id = {|#0:table.Column<int>(type: "serial", nullable: false)|}
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                        migrationBuilder.AddForeignKey(name: "FK_Invoices_Orders_OrderId", table: "Invoices", column: "OrderId", principalTable: "Orders", principalColumn: "Id");
            """, "", NpgsqlUsings);
        test.ExpectedDiagnostics.Add(EfDiagnostic(0, "Orders", "Id", "a serial (32-bit)",
            "no fix is offered, because 'Invoices.OrderId' refers to it from a table this migration does not create, and widening that column would rewrite its table; make it and the columns that refer to it bigint"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SqlServer_and_MySql_identities_are_reported_and_SQLite_and_plain_int_keys_are_not()
    {
        var sqlServer = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreSqlServer };
        EfMigrationSources.Add(sqlServer.TestState, Id, "CreateOrders", """
                        migrationBuilder.CreateTable(
                            name: {|#9:"Orders"|},
                            columns: table => new
                            {
                                Id = {|#0:table.Column<int>(type: "int", nullable: false)
                                    .Annotation("SqlServer:Identity", "1, 1")|},
                                CustomerId = table.Column<int>(type: "int", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                        migrationBuilder.CreateTable(
                            name: "OrderNotes",
                            columns: table => new
                            {
                                OrderId = table.Column<int>(type: "int", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_OrderNotes", x => x.OrderId));
            """);
        sqlServer.ExpectedDiagnostics.Add(EfDiagnostic(0, "Orders", "Id", "an int identity", Fixable));
        await sqlServer.RunAsync(CancellationToken.None);

        var mySql = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreAllProviders };
        EfMigrationSources.Add(mySql.TestState, Id, "CreateOrders", """
                        migrationBuilder.CreateTable(
                            name: {|#9:"Orders"|},
                            columns: table => new
                            {
                                Id = {|#0:table.Column<int>(type: "int", nullable: false)
                                    .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn)|}
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id))
                            .Annotation("MySql:CharSet", "utf8mb4");
            """, usings: "using Microsoft.EntityFrameworkCore.Metadata;");
        mySql.WithEditorConfig("migration_analyzers.target_database = mysql\n");
        mySql.ExpectedDiagnostics.Add(EfDiagnostic(0, "Orders", "Id", "an int AUTO_INCREMENT", Fixable));
        await mySql.RunAsync(CancellationToken.None);

        var sqlite = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreSqlite };
        EfMigrationSources.Add(sqlite.TestState, Id, "CreateOrders", """
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false)
                                    .Annotation("Sqlite:Autoincrement", true)
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
            """);
        await sqlite.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_widens_the_key_and_the_referring_column_of_the_new_table()
    {
        var test = new CodeFixTest<IntIdentityOnNewTableAnalyzer, BigintIdentityCodeFix> { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        var up = EfUp;
        EfMigrationSources.Add(test.TestState, Id, "CreateOrders", up, EfDown, NpgsqlUsings);
        test.TestState.ExpectedDiagnostics.Add(EfDiagnostic(0, "Orders", "Id", "an int identity", Fixable).WithLocation(2));
        EfMigrationSources.Add(test.FixedState, Id, "CreateOrders", EfFixedUp, EfDown, NpgsqlUsings);
        test.CodeActionEquivalenceKey = BigintIdentityCodeFix.EquivalenceKey;
        await test.RunAsync(CancellationToken.None);
    }

    private const string FmUp = """
                    Create.Table("orders")
                        .WithColumn("id").{|#0:AsInt32()|}.NotNullable().PrimaryKey().Identity()
                        .WithColumn("total").AsDecimal(18, 2).NotNullable();
                    Create.Table("order_lines")
                        .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
                        .WithColumn("order_id").{|#1:AsInt32()|}.NotNullable().ForeignKey("fk_order_lines_orders", "orders", "id")
                        .WithColumn("quantity").AsInt32().NotNullable();
        """;

    private const string FmDown = """
                    Delete.Table("order_lines");
                    Delete.Table("orders");
        """;

    [Fact]
    public async Task FluentMigrator_int_identity_is_reported_and_fixed_with_its_foreign_key_column()
    {
        var test = new CodeFixTest<IntIdentityOnNewTableAnalyzer, BigintIdentityCodeFix> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.TestState.Sources.Add(SchemaSafetySources.FmMigration("CreateOrders", 90, FmUp, FmDown));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(0, "orders", "id", "an int identity", Fixable).WithLocation(1));
        var fixedUp = FmUp.Replace("{|#0:AsInt32()|}", "AsInt64()").Replace("{|#1:AsInt32()|}", "AsInt64()");
        test.FixedState.Sources.Add(SchemaSafetySources.FmMigration("CreateOrders", 90, fixedUp, FmDown));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_on_SQLite_is_silent()
    {
        var test = new AnalyzerTest();
        test.WithEditorConfig("migration_analyzers.target_database = sqlite\n");
        test.TestState.Sources.Add(SchemaSafetySources.FmMigration("CreateOrders", 90, FmUp.Replace("{|#0:AsInt32()|}", "AsInt32()").Replace("{|#1:AsInt32()|}", "AsInt32()"), FmDown));
        await test.RunAsync(CancellationToken.None);
    }
}
