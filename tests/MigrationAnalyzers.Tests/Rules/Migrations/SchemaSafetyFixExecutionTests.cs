using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>The schema safety fixes applied, then the migrations run on SQLite with rows in the table.</summary>
public class SchemaSafetyFixExecutionTests
{
    private const string AddUsers = "20240101090000_AddUsers";
    private const string Change = "20240401100000_ChangeUsers";

    private const string UsersModel = """
                        modelBuilder.Entity("Shop.Data.User", b =>
                            {
                                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                                b.Property<string>("Name").IsRequired().HasColumnType("TEXT");
                                b.Property<string>("LegacyName").HasColumnType("TEXT");
                                b.HasKey("Id");
                                b.ToTable("Users");
                            });
            """;

    private static IEnumerable<(string Path, string Text)> History(string up, string down, string changeModel)
        => new[] { (Sources.DbContextPath, Sources.DbContext) }
            .Concat(EfMigration("AddUsers", AddUsers, """
                        migrationBuilder.CreateTable(
                            name: "Users",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                                Name = table.Column<string>(type: "TEXT", nullable: false),
                                LegacyName = table.Column<string>(type: "TEXT", nullable: true)
                            },
                            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
            """, """
                        migrationBuilder.DropTable(name: "Users");
            """, UsersModel))
            .Concat(EfMigration("ChangeUsers", Change, up, down, changeModel));

    private static EfCoreSqliteRunner WithExistingUsers(IEnumerable<(string Path, string Text)> sources)
    {
        var runner = new EfCoreSqliteRunner(sources);
        runner.MigrateTo(AddUsers);
        runner.Execute("INSERT INTO Users (Name, LegacyName) VALUES ('Ada', 'ada'), ('Linus', NULL)");
        return runner;
    }

    [Fact]
    public async Task Added_default_lets_the_NOT_NULL_column_be_added_to_a_table_with_rows()
    {
        var sources = History(
            """
                        migrationBuilder.AddColumn<int>(name: "Age", table: "Users", type: "INTEGER", nullable: false);
                        migrationBuilder.AddColumn<string>(name: "Email", table: "Users", type: "TEXT");
            """,
            """
                        migrationBuilder.DropColumn(name: "Email", table: "Users");
                        migrationBuilder.DropColumn(name: "Age", table: "Users");
            """,
            UsersModel).ToList();

        using (var unfixed = WithExistingUsers(sources))
        {
            Assert.Throws<SqliteException>(() => unfixed.MigrateTo());
        }

        // Only the string column (NOT NULL because AddColumn's nullable defaults to false) proves the point too.
        using (var unfixed = WithExistingUsers(sources.Select(s => (s.Path, s.Text.Replace("migrationBuilder.AddColumn<int>(name: \"Age\", table: \"Users\", type: \"INTEGER\", nullable: false);", string.Empty)))))
        {
            var error = Assert.Throws<SqliteException>(() => unfixed.MigrateTo());
            Assert.Contains("NOT NULL", error.Message);
        }

        var fixedSources = await FixApplier.ApplyAllAsync(new NotNullColumnWithoutDefaultAnalyzer(), new AddDefaultValueCodeFix(), sources);
        Assert.Contains("nullable: false, defaultValue: 0)", fixedSources.Single(s => s.Path == Sources.MigrationPath(Change)).Text);

        using var runner = WithExistingUsers(fixedSources);
        runner.MigrateTo();
        var rows = runner.Query("SELECT Name, Age, Email FROM Users ORDER BY Id");
        Assert.Equal(new[] { "Ada", "Linus" }, rows.Select(r => (string)r[0]!));
        Assert.All(rows, r => Assert.Equal(0L, r[1]));
        Assert.All(rows, r => Assert.Equal(string.Empty, r[2]));

        runner.MigrateTo(AddUsers);
        Assert.DoesNotContain("Age", runner.Columns("Users"));
    }

    [Fact]
    public async Task Kept_column_keeps_its_data_and_the_migration_still_rolls_back()
    {
        var modelWithoutLegacyName = UsersModel.Replace("""                    b.Property<string>("LegacyName").HasColumnType("TEXT");""" + "\n", string.Empty);
        var sources = History(
            """
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);

                        migrationBuilder.DropColumn(
                            name: "LegacyName",
                            table: "Users");
            """,
            """
                        migrationBuilder.AddColumn<string>(name: "LegacyName", table: "Users", type: "TEXT", nullable: true);

                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """,
            modelWithoutLegacyName).ToList();

        var fixedSources = await FixApplier.ApplyAllAsync(new DropWithoutDeprecationAnalyzer(), new KeepForNowCodeFix(), sources);
        Assert.DoesNotContain("LegacyName", fixedSources.Single(s => s.Path == Sources.MigrationPath(Change)).Text);

        using var runner = WithExistingUsers(fixedSources);
        runner.MigrateTo();
        Assert.Contains("Nickname", runner.Columns("Users"));
        Assert.Equal(new object?[] { "ada", null }, runner.Query("SELECT LegacyName FROM Users ORDER BY Id").Select(r => r[0]));

        runner.MigrateTo(AddUsers);
        Assert.DoesNotContain("Nickname", runner.Columns("Users"));
        Assert.Equal(new object?[] { "ada", null }, runner.Query("SELECT LegacyName FROM Users ORDER BY Id").Select(r => r[0]));
    }
}
