using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.CodeFixes.Reversal;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;

namespace MigrationAnalyzers.Tests.Execution.FixedHistories;

/// <summary>
/// The migration fixes applied to a small EF Core history (Users, then one change), compiled against the real
/// packages and run on SQLite and on PostgreSQL with rows in the table: the fixed history goes up one migration at a
/// time and comes down one migration at a time, and each rollback gives back the schema and every row of that step
/// (<see cref="HistoryWalk"/>). Where the unfixed change fails on a table with rows, that is shown too.
/// </summary>
public class EfCoreFixedHistoryTests
{
    private const string AddUsers = "20240101090000_AddUsers";
    private const string Change = "20240401100000_ChangeUsers";

    private const string Rows = """INSERT INTO "Users" ("Id", "Name", "LegacyName") VALUES (1, 'Ada', 'ada'), (2, 'Linus', NULL), (3, 'Grace', 'grace');""";

    private const string UsersModel = """
                        modelBuilder.Entity("Shop.Data.User", b =>
                            {
                                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                                b.Property<string>("Name").IsRequired().HasColumnType("TEXT");
                                b.Property<string>("LegacyName").HasColumnType("TEXT");
            {{more}}
                                b.HasKey("Id");
                                b.ToTable("Users");
                            });
            """;

    private const string AddNicknameAndIndex = """
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);

                        migrationBuilder.CreateIndex(name: "IX_Users_Name", table: "Users", column: "Name");
            """;

    private static string Model(string more = "") => UsersModel.Replace("{{more}}", more);

    private const string NicknameProperty = """                    b.Property<string>("Nickname").HasColumnType("TEXT");""";

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
            """, Model()))
            .Concat(EfMigration("ChangeUsers", Change, up, down, changeModel));

    /// <summary>Fixes the history, walks it on <paramref name="engine"/> with rows, and returns the fixed change and the database at the end.</summary>
    private static async Task<string> ProveAsync(
        string engine,
        DiagnosticAnalyzer analyzer,
        CodeFixProvider fix,
        IEnumerable<(string Path, string Text)> sources,
        string? equivalenceKey = null,
        Action<ITestDatabase>? atTheEnd = null,
        int migrationsAdded = 0,
        bool unfixedFails = false,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var history = sources.ToList();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(analyzer, fix, history, equivalenceKey: equivalenceKey, settings: settings);
        var fixedChange = fixedSources[Sources.MigrationPath(Change)];
        Assert.NotEqual(history.Single(source => source.Path == Sources.MigrationPath(Change)).Text, fixedChange);
        Assert.DoesNotContain(remaining, diagnostic => diagnostic.Id == fix.FixableDiagnosticIds[0] && diagnostic.Location.SourceTree?.FilePath == Sources.MigrationPath(Change));

        if (unfixedFails)
        {
            using var database = TestDatabases.Create(engine);
            using var unfixed = new EfMigrationRunner(InMemoryCompiler.Compile(history.Select(source => source.Text)), database);
            unfixed.MigrateTo(AddUsers);
            database.Execute(Rows);
            Assert.ThrowsAny<Exception>(() => unfixed.MigrateTo(Change));
        }

        using var target = TestDatabases.Create(engine);
        using var runner = new EfMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values), target);
        Assert.Equal(2 + migrationsAdded, runner.Migrations.Count);
        var added = runner.Migrations.Skip(2).ToList();
        HistoryWalk.UpAndDownOneStepAtATime(runner.MigrateTo, runner.Migrations, target, AddUsers, Rows, downsThatKeepValues: added);
        atTheEnd?.Invoke(target);
        return fixedChange;
    }

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task MIG1001_generated_Down_rolls_back_to_each_step_with_the_rows(string engine)
    {
        var fixedChange = await ProveAsync(engine, new MigrationCannotBeRolledBackAnalyzer(), new GenerateDownCodeFix(), History(AddNicknameAndIndex, string.Empty, Model(NicknameProperty)));
        Assert.Contains("DropIndex", fixedChange);
        Assert.Contains("DropColumn", fixedChange);
    }

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task MIG1002_added_inverse_rolls_back_to_each_step_with_the_rows(string engine)
    {
        var fixedChange = await ProveAsync(
            engine,
            new DownDoesNotUndoUpAnalyzer(),
            new AddMissingInversesCodeFix(),
            History(AddNicknameAndIndex, """
                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """, Model(NicknameProperty)));
        Assert.Contains("DropIndex", fixedChange);
    }

    /// <summary>
    /// Down drops the index and forgets the column it is on: the DropColumn has to come after the DropIndex (PostgreSQL
    /// drops the index with the column, so the DropIndex after it would fail; SQLite refuses to drop an indexed column).
    /// </summary>
    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task MIG1002_added_DropColumn_goes_after_the_DropIndex_on_that_column(string engine)
    {
        var fixedChange = await ProveAsync(
            engine,
            new DownDoesNotUndoUpAnalyzer(),
            new AddMissingInversesCodeFix(),
            History("""
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);

                        migrationBuilder.CreateIndex(name: "IX_Users_Nickname", table: "Users", column: "Nickname");
            """, """
                        migrationBuilder.DropIndex(name: "IX_Users_Nickname", table: "Users");
            """, Model(NicknameProperty)));
        Assert.True(
            fixedChange.IndexOf("DropIndex", StringComparison.Ordinal) < fixedChange.IndexOf("DropColumn", StringComparison.Ordinal),
            "the DropColumn should follow the DropIndex:\n" + fixedChange);
    }

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task MIG1030_added_default_fills_the_rows_and_rolls_back_to_each_step(string engine)
    {
        await ProveAsync(
            engine,
            new NotNullColumnWithoutDefaultAnalyzer(),
            new AddDefaultValueCodeFix(),
            History("""
                        migrationBuilder.AddColumn<int>(name: "Age", table: "Users", type: "INTEGER", nullable: false);
            """, """
                        migrationBuilder.DropColumn(name: "Age", table: "Users");
            """, Model("""                    b.Property<int>("Age").HasColumnType("INTEGER");""")),
            atTheEnd: database => Assert.Equal(new[] { "1 | 0", "2 | 0", "3 | 0" }, database.Rows("Users", "\"Id\", \"Age\"", "\"Id\"")),
            unfixedFails: true);
    }

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task MIG1010_kept_column_keeps_its_values_at_each_step(string engine)
    {
        var fixedChange = await ProveAsync(
            engine,
            new DropWithoutDeprecationAnalyzer(),
            new KeepForNowCodeFix(),
            History("""
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);

                        migrationBuilder.DropColumn(name: "LegacyName", table: "Users");
            """, """
                        migrationBuilder.AddColumn<string>(name: "LegacyName", table: "Users", type: "TEXT", nullable: true);

                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """, Model(NicknameProperty).Replace("""                    b.Property<string>("LegacyName").HasColumnType("TEXT");""" + "\n", string.Empty)),
            atTheEnd: database => Assert.Equal(new[] { "1 | ada", "2 | NULL", "3 | grace" }, database.Rows("Users", "\"Id\", \"LegacyName\"", "\"Id\"")));
        Assert.DoesNotContain("LegacyName", fixedChange);
    }

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task MIG1020_split_data_migration_fills_the_rows_and_rolls_back_to_each_step(string engine)
    {
        await ProveAsync(
            engine,
            new SchemaAndDataInOneMigrationAnalyzer(),
            new SplitSchemaAndDataCodeFix(),
            History("""
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);

                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Nickname\" = \"Name\"");
            """, """
                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """, Model(NicknameProperty)),
            SplitSchemaAndDataCodeFix.SameFileKey,
            atTheEnd: database => Assert.Equal(new[] { "1 | Ada", "2 | Linus", "3 | Grace" }, database.Rows("Users", "\"Id\", \"Nickname\"", "\"Id\"")),
            migrationsAdded: 1);
    }

    /// <summary>The index fixes are PostgreSQL's: the rules report them only where it is the target, under a rolling deployment.</summary>
    private static readonly Dictionary<string, string> RollingPostgres = new()
    {
        ["migration_analyzers.target_database"] = "postgresql",
        ["migration_analyzers.deployment"] = "rolling",
    };

    [SkippableFact]
    public async Task MIG1060_concurrent_index_rolls_back_to_each_step_with_the_rows()
    {
        var fixedChange = await ProveAsync(
            TestDatabases.PostgreSql,
            new BlockingIndexChangeAnalyzer(),
            new NonBlockingIndexCodeFix(),
            History("""
                        migrationBuilder.CreateIndex(name: "IX_Users_Name", table: "Users", column: "Name");
            """, """
                        migrationBuilder.DropIndex(name: "IX_Users_Name", table: "Users");
            """, Model("""                    b.HasIndex("Name");""")),
            settings: RollingPostgres);
        Assert.Contains("Npgsql:CreatedConcurrently", fixedChange);
    }

    [SkippableFact]
    public async Task MIG1150_concurrent_SQL_outside_the_transaction_rolls_back_to_each_step_with_the_rows()
    {
        var fixedChange = await ProveAsync(
            TestDatabases.PostgreSql,
            new ConcurrentIndexInTransactionAnalyzer(),
            new SuppressTransactionCodeFix(),
            History("""
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY \"IX_Users_Name\" ON \"Users\" (\"Name\");");
            """, """
                        migrationBuilder.Sql("DROP INDEX CONCURRENTLY \"IX_Users_Name\";", suppressTransaction: true);
            """, Model()),
            settings: RollingPostgres,
            unfixedFails: true);
        Assert.Contains("suppressTransaction: true", fixedChange.Substring(0, fixedChange.IndexOf("Down", StringComparison.Ordinal)));
    }
}
