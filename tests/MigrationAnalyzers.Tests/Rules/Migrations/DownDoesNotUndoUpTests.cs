using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Reversal;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.DownDoesNotUndoUpAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class DownDoesNotUndoUpTests
{
    private const string Id = "20240301090000_AddEmail";

    private static string EfMigration(string members) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddEmail : Migration
            {
        {{members}}
            }
        }
        """;

    private static CodeFixTest<DownDoesNotUndoUpAnalyzer, AddMissingInversesCodeFix> EfTest(string source, string? fixedSource = null)
    {
        var test = new CodeFixTest<DownDoesNotUndoUpAnalyzer, AddMissingInversesCodeFix>();
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add((Sources.DbContextPath, Sources.DbContext));
            state.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("AddEmail", Id)));
        }

        test.TestState.Sources.Add((Sources.MigrationPath(Id), source));
        test.FixedState.Sources.Add((Sources.MigrationPath(Id), fixedSource ?? source));
        return test;
    }

    [Fact]
    public async Task Added_column_that_Down_never_drops_is_reported_and_the_fix_drops_it_after_the_index_on_it()
    {
        var test = EfTest(
            EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        {|#0:migrationBuilder.AddColumn<string>(
                            name: "Email",
                            table: "Users",
                            type: "TEXT",
                            nullable: true)|};

                        migrationBuilder.CreateIndex(
                            name: "IX_Users_Email",
                            table: "Users",
                            column: "Email");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropIndex(
                            name: "IX_Users_Email",
                            table: "Users");
                    }
            """),
            EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(
                            name: "Email",
                            table: "Users",
                            type: "TEXT",
                            nullable: true);

                        migrationBuilder.CreateIndex(
                            name: "IX_Users_Email",
                            table: "Users",
                            column: "Email");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropIndex(
                            name: "IX_Users_Email",
                            table: "Users");

                        migrationBuilder.DropColumn(
                            name: "Email",
                            table: "Users");
                    }
            """));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1002").WithLocation(0).WithArguments("AddEmail", "it never undoes AddColumn 'Users.Email'"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_lock_timeout_setting_in_Up_needs_no_inverse_and_the_forgotten_inverse_goes_after_the_later_ones()
    {
        // MIG1193's fix starts Up with SET LOCAL lock_timeout: the rule and its fix still see the rest of Up.
        var test = EfTest(
            EfMigration("""
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                        {|#0:migrationBuilder.AddColumn<string>(name: "Email", table: "Users", nullable: true)|};
                        migrationBuilder.AddColumn<string>(name: "Phone", table: "Users", nullable: true);
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "Phone", table: "Users");
                    }
            """),
            EfMigration("""
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                        migrationBuilder.AddColumn<string>(name: "Email", table: "Users", nullable: true);
                        migrationBuilder.AddColumn<string>(name: "Phone", table: "Users", nullable: true);
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "Phone", table: "Users");
                        migrationBuilder.DropColumn(
                            name: "Email",
                            table: "Users");
                    }
            """));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1002").WithLocation(0).WithArguments("AddEmail", "it never undoes AddColumn 'Users.Email'"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Down_that_drops_a_column_Up_never_added_is_reported_without_a_fix()
    {
        var source = EfMigration("""
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(name: "Email", table: "Users", nullable: true);
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "Email", table: "Users");
                        {|#0:migrationBuilder.DropColumn(name: "Phone", table: "Users")|};
                    }
            """);
        var test = EfTest(source);
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1002").WithLocation(0).WithArguments("AddEmail", "DropColumn 'Users.Phone' undoes nothing that Up did"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync(CancellationToken.None);
    }

    private static Task AnalyzeEfAsync(string members, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => Verifier.AnalyzeAsync(
            new[]
            {
                (Sources.DbContextPath, Sources.DbContext),
                (Sources.DesignerPath(Id), Sources.Designer("AddEmail", Id)),
                (Sources.MigrationPath(Id), EfMigration(members)),
            },
            expected);

    [Fact]
    public async Task Down_that_recreates_a_dropped_table_with_its_indexes_and_keys_mirrors_Up()
    {
        await AnalyzeEfAsync("""
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(name: "Coupons");
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.CreateTable(
                            name: "Coupons",
                            columns: table => new { Id = table.Column<int>(nullable: false), Code = table.Column<string>(nullable: false), UserId = table.Column<int>(nullable: false) },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Coupons", x => x.Id);
                                table.ForeignKey("FK_Coupons_Users_UserId", x => x.UserId, "Users", "Id");
                            });
                        migrationBuilder.CreateIndex(name: "IX_Coupons_Code", table: "Coupons", column: "Code", unique: true);
                        migrationBuilder.CreateIndex(name: "IX_Coupons_UserId", table: "Coupons", column: "UserId");
                        migrationBuilder.AddForeignKey(name: "FK_Orders_Coupons_CouponId", table: "Orders", column: "CouponId", principalTable: "Coupons", principalColumn: "Id");
                    }
            """);
    }

    [Fact]
    public async Task Down_that_drops_a_similarly_named_column_is_reported_once()
    {
        await AnalyzeEfAsync(
            """
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(name: "ShippingAddres", table: "Orders", nullable: true);
                        migrationBuilder.AddColumn<string>(name: "Email2", table: "Users", nullable: true);
                        migrationBuilder.AddColumn<string>(name: "Phone", table: "Users", nullable: true);
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "Phone", table: "Users");
                        {|#0:migrationBuilder.DropColumn(name: "Email", table: "Users")|};
                        {|#1:migrationBuilder.DropColumn(name: "ShippingAddress", table: "Orders")|};
                    }
            """,
            Verifier.Diagnostic("MIG1002").WithLocation(0).WithArguments("AddEmail", "it never undoes AddColumn 'Users.Email2'; it runs DropColumn 'Users.Email' instead, a different name"),
            Verifier.Diagnostic("MIG1002").WithLocation(1).WithArguments("AddEmail", "it never undoes AddColumn 'Orders.ShippingAddres'; it runs DropColumn 'Orders.ShippingAddress' instead, a different name"));
    }

    [Fact]
    public async Task A_same_name_RenameTable_that_moves_a_table_between_schemas_is_mirrored_by_moving_it_back()
    {
        await AnalyzeEfAsync("""
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.RenameTable(name: "Users", schema: "identity", newName: "Users", newSchema: null);
                        migrationBuilder.RenameTable(name: "Roles", newName: "Roles", newSchema: null);
                        migrationBuilder.AddColumn<string>(name: "Email", table: "Users", nullable: true);
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "Email", table: "Users");
                        migrationBuilder.RenameTable(name: "Users", newName: "Users", newSchema: "identity");
                    }
            """);
    }

    [Fact]
    public async Task Pomelo_generated_null_backfill_needs_no_inverse_but_a_real_update_still_does()
    {
        await AnalyzeEfAsync(
            """
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.UpdateData(table: "Users", keyColumn: "Email", keyValue: null, column: "Email", value: "");
                        migrationBuilder.AlterColumn<string>(
                            name: "Email",
                            table: "Users",
                            type: "longtext",
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "longtext",
                            oldNullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4")
                            .OldAnnotation("MySql:CharSet", "utf8mb4");
                        {|#0:migrationBuilder.UpdateData(table: "Users", keyColumn: "Id", keyValue: 1, column: "Name", value: "admin")|};
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<string>(
                            name: "Email",
                            table: "Users",
                            type: "longtext",
                            nullable: true,
                            oldClrType: typeof(string),
                            oldType: "longtext")
                            .Annotation("MySql:CharSet", "utf8mb4")
                            .OldAnnotation("MySql:CharSet", "utf8mb4");
                    }
            """,
            Verifier.Diagnostic("MIG1002").WithLocation(0).WithArguments("AddEmail", "it never undoes UpdateData 'Users'"));
    }

    [Fact]
    public async Task Mirrored_renames_alters_constraints_of_a_new_table_and_a_kept_schema_are_silent()
    {
        await Verifier.AnalyzeAsync(new[]
        {
            (Sources.DbContextPath, Sources.DbContext),
            (Sources.DesignerPath(Id), Sources.Designer("AddEmail", Id)),
            (Sources.MigrationPath(Id), EfMigration("""
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.EnsureSchema(name: "audit");
                        migrationBuilder.RenameColumn(name: "Mail", table: "Users", newName: "Email");
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", maxLength: 200, oldClrType: typeof(string), oldMaxLength: 100);
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new { Id = table.Column<int>(nullable: false), UserId = table.Column<int>(nullable: false) },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Orders", x => x.Id);
                                table.ForeignKey("FK_Orders_Users", x => x.UserId, "Users", "Id");
                            });
                        migrationBuilder.CreateIndex(name: "IX_Orders_UserId", table: "Orders", column: "UserId");
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropForeignKey(name: "FK_Orders_Users", table: "Orders");
                        migrationBuilder.DropTable(name: "Orders");
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", maxLength: 100, oldClrType: typeof(string), oldMaxLength: 200);
                        migrationBuilder.RenameColumn(name: "Email", table: "Users", newName: "Mail");
                    }
            """)),
        });
    }

    [Fact]
    public async Task Raw_sql_or_helper_calls_in_either_body_keep_the_rule_silent()
    {
        await Verifier.AnalyzeAsync(new[]
        {
            (Sources.DbContextPath, Sources.DbContext),
            (Sources.DesignerPath(Id), Sources.Designer("AddEmail", Id)),
            (Sources.MigrationPath(Id), EfMigration("""
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(name: "Email", table: "Users", nullable: true);
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql("ALTER TABLE Users DROP COLUMN Email");
                    }
            """)),
        });
    }

    [Fact]
    public async Task FluentMigrator_fix_all_adds_every_forgotten_column_in_reverse_order()
    {
        const string before = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(12)]
                public class AddContact : Migration
                {
                    public override void Up()
                    {
                        Create.Table("Notes").WithColumn("Id").AsInt32().PrimaryKey();
                        {|#0:Alter.Table("Users")
                            .AddColumn("Email").AsString(200).Nullable()
                            .AddColumn("Phone").AsString(30).Nullable()|};
                    }

                    public override void Down()
                    {
                        Delete.Table("Notes");
                    }
                }
            }
            """;
        var test = new CodeFixTest<DownDoesNotUndoUpAnalyzer, AddMissingInversesCodeFix>();
        test.TestState.Sources.Add(before);
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1002").WithLocation(0).WithArguments("AddContact", "it never undoes Alter.Table 'Users.Email'"));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1002").WithLocation(0).WithArguments("AddContact", "it never undoes Alter.Table 'Users.Phone'"));
        test.FixedState.Sources.Add(before.Replace("{|#0:", string.Empty).Replace("|};", ";").Replace("""
                        Delete.Table("Notes");
            """, """
                        Delete.Column("Phone").FromTable("Users");
                        Delete.Column("Email").FromTable("Users");
                        Delete.Table("Notes");
            """));
        test.CodeActionEquivalenceKey = AddMissingInversesCodeFix.EquivalenceKey;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 2;
        await test.RunAsync(CancellationToken.None);
    }
}
