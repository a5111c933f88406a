using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class KeepForNowCodeFixTests
{
    private const string Drop = "20240320090000_RemoveLegacyName";

    private const string Model = """
                        modelBuilder.Entity("Shop.Data.User", b =>
                            {
                                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                                b.HasKey("Id");
                                b.ToTable("Users");
                            });
            """;

    private static async Task Verify(string up, string down, string fixedUp, string fixedDown, int iterations = 1)
    {
        var test = new CodeFixTest<DropWithoutDeprecationAnalyzer, KeepForNowCodeFix>();
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in EfMigration("RemoveLegacyName", Drop, up, down, Model))
        {
            test.TestState.Sources.Add(source);
        }

        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var (path, text) in EfMigration("RemoveLegacyName", Drop, fixedUp, fixedDown, Model))
        {
            // An Up left empty by the fix has no blank line inside its braces.
            test.FixedState.Sources.Add((path, fixedUp.Length == 0 ? text.Replace("migrationBuilder)\n        {\n\n        }", "migrationBuilder)\n        {\n        }") : text));
        }

        if (iterations == 0)
        {
            test.NumberOfIncrementalIterations = 0;
            test.NumberOfFixAllIterations = 0;
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task Drop_column_and_its_inverse_in_Down_are_taken_out()
    {
        await Verify(
            """
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);

                        {|MIG1010:migrationBuilder.DropColumn(
                            name: "LegacyName",
                            table: "Users")|};
            """,
            """
                        migrationBuilder.AddColumn<string>(
                            name: "LegacyName",
                            table: "Users",
                            type: "TEXT",
                            nullable: true);

                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """,
            """
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);
            """,
            """
                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """);
    }

    [Fact]
    public async Task Drop_table_takes_out_CreateTable_and_its_indexes_from_Down()
    {
        await Verify(
            """
                        {|MIG1010:migrationBuilder.DropTable(
                            name: "AuditLog")|};
            """,
            """
                        migrationBuilder.CreateTable(
                            name: "AuditLog",
                            columns: table => new
                            {
                                Id = table.Column<long>(type: "INTEGER", nullable: false),
                                UserId = table.Column<int>(type: "INTEGER", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_AuditLog", x => x.Id));

                        migrationBuilder.CreateIndex(
                            name: "IX_AuditLog_UserId",
                            table: "AuditLog",
                            column: "UserId");

                        migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
            """,
            "",
            """
                        migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
            """);
    }

    [Fact]
    public async Task Expression_bodied_Up_gets_no_fix()
    {
        var test = new CodeFixTest<DropWithoutDeprecationAnalyzer, KeepForNowCodeFix>();
        var source = EfMigration("RemoveLegacyName", Drop, "", "", Model);
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var (path, text) in source)
        {
            test.TestState.Sources.Add((path, text.Replace(
                "protected override void Up(MigrationBuilder migrationBuilder)\n        {\n\n        }",
                "protected override void Up(MigrationBuilder migrationBuilder)\n            => {|MIG1010:migrationBuilder.DropColumn(name: \"LegacyName\", table: \"Users\")|};")));
        }

        test.FixedState.Sources.AddRange(test.TestState.Sources);
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        await test.RunAsync();
    }
}
