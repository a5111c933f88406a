using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Reversal;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// Proof by execution: each sample's Down is written by the MIG1001 fix, then the migration runs Up → Down → Up on
/// SQLite through EF Core's migrator, and the schema (and rows) must come back exactly.
/// </summary>
public class EfCoreGeneratedDownRunsOnSqliteTests
{
    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop.Data
        {
            public class AppDbContext : DbContext
            {
                public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }
            }
        }
        """;

    /// <summary>A migration with the Designer half `dotnet ef` writes: the attributes EF Core finds it by.</summary>
    private static IEnumerable<(string Path, string Text)> Migration(string id, string className, string up, ShopModel model)
    {
        yield return (Sources.DesignerPath(id), Sources.Designer(className, id, model.Code()));
        yield return (Sources.MigrationPath(id), $$"""
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Data.Migrations
            {
                /// <inheritdoc />
                public partial class {{className}} : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
            {{up}}
                    }
                }
            }
            """);
    }

    private const string CreateCustomersAndOrders = """
                    migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                            Phone = table.Column<string>(type: "TEXT", nullable: true)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Customers", x => x.Id);
                        });

                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                            Total = table.Column<decimal>(type: "TEXT", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Orders", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Orders_Customers_CustomerId",
                                column: x => x.CustomerId,
                                principalTable: "Customers",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Orders_CustomerId",
                        table: "Orders",
                        column: "CustomerId");
        """;

    private const string InitialId = "20240101120000_Initial";
    private const string ChangeId = "20240301090000_Change";

    /// <summary>Fixes every migration of the project, compiles it, and runs the round trip of <paramref name="migration"/>.</summary>
    /// <param name="model">The model after the change, as its Designer file holds it.</param>
    /// <param name="settings">.editorconfig values: a data-only change is reported only with <c>report_data_only</c>.</param>
    private static async Task ProveAsync(string change, ShopModel? model = null, string migration = ChangeId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var sources = new List<(string, string)> { ("/0/AppDbContext.cs", Context) };
        sources.AddRange(Migration(InitialId, "Initial", CreateCustomersAndOrders, new ShopModel()));
        sources.AddRange(Migration(ChangeId, "Change", change, model ?? new ShopModel()));

        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new MigrationCannotBeRolledBackAnalyzer(), new GenerateDownCodeFix(), sources, settings: settings);
        Assert.Empty(remaining.Where(d => d.Id == "MIG1001"));

        using var runner = new EfMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values));
        Assert.Equal(new[] { InitialId, ChangeId }, runner.Migrations);
        MigrationRoundTrip.AssertUpDownUp(runner, InitialId);
        MigrationRoundTrip.AssertUpDownUp(runner, migration);
    }

    [Fact]
    public Task Created_tables_keys_and_indexes_are_dropped_by_the_generated_Down()
        => ProveAsync("""
                    migrationBuilder.CreateTable(
                        name: "Products",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            Sku = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Products", x => x.Id);
                            table.UniqueConstraint("AK_Products_Sku", x => x.Sku);
                        });
            """);

    [Fact]
    public Task Added_column_renamed_column_and_new_index_are_undone()
        => ProveAsync("""
                    migrationBuilder.AddColumn<string>(
                        name: "Email",
                        table: "Customers",
                        type: "TEXT",
                        maxLength: 200,
                        nullable: true);

                    migrationBuilder.RenameColumn(
                        name: "Total",
                        table: "Orders",
                        newName: "Amount");

                    migrationBuilder.CreateIndex(
                        name: "IX_Customers_Email",
                        table: "Customers",
                        column: "Email",
                        unique: true);
            """,
            new ShopModel { Email = true, EmailIndex = true, OrdersTotal = "Amount" });

    [Fact]
    public Task Dropped_column_is_recreated_from_the_migration_that_created_it()
        => ProveAsync("""
                    migrationBuilder.DropColumn(
                        name: "Phone",
                        table: "Customers");
            """,
            new ShopModel { Phone = false });

    [Fact]
    public Task Dropped_table_with_its_keys_and_index_is_recreated_from_history()
        => ProveAsync("""
                    migrationBuilder.DropTable(
                        name: "Orders");
            """,
            new ShopModel { Orders = false });

    [Fact]
    public Task Dropped_index_and_renamed_table_are_restored()
        => ProveAsync("""
                    migrationBuilder.DropIndex(
                        name: "IX_Orders_CustomerId",
                        table: "Orders");

                    migrationBuilder.RenameTable(
                        name: "Customers",
                        newName: "Clients");
            """,
            new ShopModel { CustomersTable = "Clients", OrdersIndex = false });

    [Fact]
    public Task Inserted_rows_are_deleted_by_key()
        => ProveAsync("""
                    migrationBuilder.InsertData(
                        table: "Customers",
                        columns: new[] { "Id", "Name" },
                        values: new object[,]
                        {
                            { 1, "Ada" },
                            { 2, "Grace" }
                        });

                    migrationBuilder.InsertData(
                        table: "Orders",
                        columns: new[] { "Id", "CustomerId", "Total" },
                        values: new object[] { 10, 1, 9.5m });
            """,
            settings: new Dictionary<string, string> { ["migration_analyzers.MIG1001.report_data_only"] = "true" });

    [Fact]
    public Task Altered_column_and_added_check_constraint_are_reverted()
        => ProveAsync("""
                    migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        table: "Customers",
                        type: "TEXT",
                        maxLength: 200,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 100);

                    migrationBuilder.AddCheckConstraint(
                        name: "CK_Customers_Name",
                        table: "Customers",
                        sql: "length(Name) > 0");
            """,
            new ShopModel { NameMaxLength = 200, NameRequired = false, NameCheck = "length(Name) > 0" });

    [Fact]
    public Task Dropped_foreign_key_is_added_back_and_renamed_index_gets_its_name_back()
        => ProveAsync("""
                    migrationBuilder.DropForeignKey(
                        name: "FK_Orders_Customers_CustomerId",
                        table: "Orders");

                    migrationBuilder.RenameIndex(
                        name: "IX_Orders_CustomerId",
                        table: "Orders",
                        newName: "IX_Orders_Buyer");
            """,
            new ShopModel { ForeignKey = false, OrdersIndexName = "IX_Orders_Buyer" });

    [Fact]
    public Task Added_unique_constraint_is_dropped_and_schema_operations_run()
        => ProveAsync("""
                    migrationBuilder.EnsureSchema(
                        name: "sales");

                    migrationBuilder.AddUniqueConstraint(
                        name: "AK_Customers_Name",
                        table: "Customers",
                        column: "Name");
            """,
            new ShopModel { NameAlternateKey = true });

    [Fact]
    public Task Replaced_primary_key_is_restored_under_its_old_name()
        => ProveAsync("""
                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Orders",
                        table: "Orders");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Orders_Id",
                        table: "Orders",
                        column: "Id");
            """,
            new ShopModel { OrdersKeyName = "PK_Orders_Id" });

    [Fact]
    public async Task Down_completed_by_the_MIG1002_fix_rolls_back()
    {
        var sources = new List<(string Path, string Text)> { ("/0/AppDbContext.cs", Context) };
        sources.AddRange(Migration(InitialId, "Initial", CreateCustomersAndOrders, new ShopModel()));
        sources.AddRange(Migration(ChangeId, "Change", """
                    migrationBuilder.RenameColumn(
                        name: "Total",
                        table: "Orders",
                        newName: "Amount");

                    migrationBuilder.CreateIndex(
                        name: "IX_Customers_Name",
                        table: "Customers",
                        column: "Name");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Amount",
                        table: "Orders",
                        newName: "Total");
            """, new ShopModel { OrdersTotal = "Amount" }));

        // Initial gets its Down from MIG1001, Change the forgotten DropIndex from MIG1002.
        var (withDown, _) = await CodeFixApplier.ApplyAsync(new MigrationCannotBeRolledBackAnalyzer(), new GenerateDownCodeFix(), sources);
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new DownDoesNotUndoUpAnalyzer(), new AddMissingInversesCodeFix(), withDown.Select(p => (p.Key, p.Value)));
        Assert.Empty(remaining);
        Assert.Contains("DropIndex", fixedSources[Sources.MigrationPath(ChangeId)]);

        using var runner = new EfMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values));
        MigrationRoundTrip.AssertUpDownUp(runner, ChangeId);
    }

    [Fact]
    public async Task Round_trip_catches_a_Down_that_leaves_a_column_behind()
    {
        var sources = new List<string> { Context };
        sources.AddRange(Migration(InitialId, "Initial", CreateCustomersAndOrders, new ShopModel()).Select(s => s.Text));
        sources.AddRange(Migration(ChangeId, "Change", """
                    migrationBuilder.AddColumn<string>(name: "Email", table: "Customers", type: "TEXT", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
            """, new ShopModel { Email = true }).Select(s => s.Text));
        sources[2] = sources[2].Replace("""
                    }
                }
            }
            """, """
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(name: "Orders");
                        migrationBuilder.DropTable(name: "Customers");
                    }
                }
            }
            """);

        using var runner = new EfMigrationRunner(InMemoryCompiler.Compile(sources));
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => MigrationRoundTrip.AssertUpDownUp(runner, ChangeId));
        Assert.Contains("column Customers.Email", failure.Message);
    }
}
