using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Reversal;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.MigrationCannotBeRolledBackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class GenerateDownCodeFixTests
{
    private const string InitialId = "20240101120000_Initial";
    private const string ChangeId = "20240301090000_Change";

    /// <summary>The first migration of the project: the history the fix reads dropped tables and columns from.</summary>
    private const string Initial = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class Initial : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
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
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
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
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Orders");

                    migrationBuilder.DropTable(
                        name: "Customers");
                }
            }
        }
        """;

    private static CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix> EfTest(string change, string fixedChange)
    {
        var test = new CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix>();
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add((Sources.DbContextPath, Sources.DbContext));
            state.Sources.Add((Sources.DesignerPath(InitialId), Sources.Designer("Initial", InitialId)));
            state.Sources.Add((Sources.MigrationPath(InitialId), Initial));
            state.Sources.Add((Sources.DesignerPath(ChangeId), Sources.Designer("Change", ChangeId)));
        }

        test.TestState.Sources.Add((Sources.MigrationPath(ChangeId), change));
        test.FixedState.Sources.Add((Sources.MigrationPath(ChangeId), fixedChange));
        return test;
    }

    private static string EfMigration(string members) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class {|#0:Change|} : Migration
            {
        {{members}}
            }
        }
        """;

    [Fact]
    public async Task Missing_Down_is_written_after_Up_with_each_inverse_in_reverse_order()
    {
        var test = EfTest(
            EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
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
                    }
            """).Replace("{|#0:Change|}", "{|MIG1001:Change|}"),
            EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
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
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropIndex(
                            name: "IX_Customers_Email",
                            table: "Customers");

                        migrationBuilder.RenameColumn(
                            name: "Amount",
                            table: "Orders",
                            newName: "Total");

                        migrationBuilder.DropColumn(
                            name: "Email",
                            table: "Customers");
                    }
            """).Replace("{|#0:Change|}", "Change"));
        await test.RunAsync(CancellationToken.None);
    }
}
