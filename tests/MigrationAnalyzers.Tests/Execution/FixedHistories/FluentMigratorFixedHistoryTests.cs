using System;
using System.Collections.Generic;
using System.Globalization;
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
/// The migration fixes applied to a small FluentMigrator history (Users, then one change), compiled against the real
/// packages and run with FluentMigrator's own runner on SQLite and on PostgreSQL with rows in the table: the fixed
/// history goes up one migration at a time and comes down one migration at a time, and each rollback gives back the
/// schema and every row of that step (<see cref="HistoryWalk"/>). The EF Core side is <see cref="EfCoreFixedHistoryTests"/>;
/// MIG1010's keep-for-now fix is EF Core's alone.
/// </summary>
public class FluentMigratorFixedHistoryTests
{
    private const long AddUsers = 202401010900;
    private const long Change = 202404011000;

    private const string Rows = """INSERT INTO "Users" ("Id", "Name", "LegacyName") VALUES (1, 'Ada', 'ada'), (2, 'Linus', NULL), (3, 'Grace', 'grace');""";

    private const string CreateUsers = """
                        Create.Table("Users")
                            .WithColumn("Id").AsInt32().NotNullable().PrimaryKey()
                            .WithColumn("Name").AsString(200).NotNullable()
                            .WithColumn("LegacyName").AsString(200).Nullable();
            """;

    private const string AddNicknameAndIndex = """
                        Create.Column("Nickname").OnTable("Users").AsString(200).Nullable();
                        Create.Index("IX_Users_Name").OnTable("Users").OnColumn("Name").Ascending();
            """;

    private static IEnumerable<(string Path, string Text)> History(string up, string down)
        => new[] { FmMigration("AddUsers", AddUsers, CreateUsers, """                    Delete.Table("Users");"""), FmMigration("ChangeUsers", Change, up, down) };

    private static string ChangePath => FmMigration("ChangeUsers", Change, string.Empty).Path;

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
        var fixedChange = fixedSources[ChangePath];
        Assert.NotEqual(history.Single(source => source.Path == ChangePath).Text, fixedChange);
        Assert.DoesNotContain(remaining, diagnostic => diagnostic.Id == fix.FixableDiagnosticIds[0] && diagnostic.Location.SourceTree?.FilePath == ChangePath);

        var start = AddUsers.ToString(CultureInfo.InvariantCulture);
        if (unfixedFails)
        {
            using var database = TestDatabases.Create(engine);
            using var unfixed = new FluentMigrationRunner(InMemoryCompiler.Compile(history.Select(source => source.Text)), database);
            unfixed.MigrateTo(start);
            database.Execute(Rows);
            Assert.ThrowsAny<Exception>(() => unfixed.MigrateTo(Change.ToString(CultureInfo.InvariantCulture)));
        }

        using var target = TestDatabases.Create(engine);
        using var runner = new FluentMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values), target);
        Assert.Equal(2 + migrationsAdded, runner.Migrations.Count);
        var added = runner.Migrations.Skip(2).ToList();
        HistoryWalk.UpAndDownOneStepAtATime(runner.MigrateTo, runner.Migrations, target, start, Rows, downsThatKeepValues: added);
        atTheEnd?.Invoke(target);
        return fixedChange;
    }

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task MIG1001_generated_Down_rolls_back_to_each_step_with_the_rows(string engine)
    {
        var fixedChange = await ProveAsync(engine, new MigrationCannotBeRolledBackAnalyzer(), new GenerateDownCodeFix(), History(AddNicknameAndIndex, string.Empty));
        Assert.Contains("Delete.Index", fixedChange);
        Assert.Contains("Delete.Column", fixedChange);
    }

    /// <summary>Down deletes the index and forgets the column it is on: the added Delete.Column has to come after it.</summary>
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
                        Delete.Index("IX_Users_Name").OnTable("Users");
            """));
        Assert.True(fixedChange.IndexOf("Delete.Index", StringComparison.Ordinal) < fixedChange.IndexOf("Delete.Column", StringComparison.Ordinal), fixedChange);
    }

    /// <summary>FluentMigrator's SQLite generator cannot alter a column, so only PostgreSQL widens it (as real histories guard it).</summary>
    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task MIG1003_migration_with_Down_rolls_back_to_each_step_with_the_rows(string engine)
    {
        var change = ($"/0/Migrations/ChangeUsers.cs", $$"""
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration({{Change}})]
                public class ChangeUsers : AutoReversingMigration
                {
                    public override void Up()
                    {
                        Create.Column("Nickname").OnTable("Users").AsString(200).Nullable();
                        IfDatabase("Postgres").Alter.Column("LegacyName").OnTable("Users").AsString(400).Nullable();
                    }
                }
            }
            """);
        Assert.Equal(ChangePath, change.Item1);
        var fixedChange = await ProveAsync(
            engine,
            new AutoReversingMigrationCannotReverseAnalyzer(),
            new ConvertToMigrationWithDownCodeFix(),
            new[] { FmMigration("AddUsers", AddUsers, CreateUsers, """                    Delete.Table("Users");"""), change });
        Assert.Contains("public override void Down()", fixedChange);
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
                        Create.Column("Age").OnTable("Users").AsInt32().NotNullable();
            """, """
                        Delete.Column("Age").FromTable("Users");
            """),
            atTheEnd: database => Assert.Equal(new[] { "1 | 0", "2 | 0", "3 | 0" }, database.Rows("Users", "\"Id\", \"Age\"", "\"Id\"")),
            unfixedFails: true);
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
                        Create.Column("Nickname").OnTable("Users").AsString(200).Nullable();
                        Execute.Sql("UPDATE \"Users\" SET \"Nickname\" = \"Name\"");
            """, """
                        Delete.Column("Nickname").FromTable("Users");
            """),
            SplitSchemaAndDataCodeFix.SameFileKey,
            atTheEnd: database => Assert.Equal(new[] { "1 | Ada", "2 | Linus", "3 | Grace" }, database.Rows("Users", "\"Id\", \"Nickname\"", "\"Id\"")),
            migrationsAdded: 1);
    }

    [SkippableFact]
    public async Task MIG1030_three_steps_fill_the_rows_and_roll_back_to_each_step_on_PostgreSQL()
    {
        await ProveAsync(
            TestDatabases.PostgreSql,
            new NotNullColumnWithoutDefaultAnalyzer(),
            new NotNullInThreeStepsCodeFix(),
            History("""
                        Create.Column("Age").OnTable("Users").AsInt32().NotNullable();
            """, """
                        Delete.Column("Age").FromTable("Users");
            """),
            NotNullInThreeStepsCodeFix.SameFileKey,
            atTheEnd: database => Assert.Equal(new[] { "1 | 0", "2 | 0", "3 | 0" }, database.Rows("Users", "\"Id\", \"Age\"", "\"Id\"")),
            migrationsAdded: 2,
            unfixedFails: true,
            settings: new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql" });
    }

    /// <summary>
    /// The three steps end with Alter.Column, which FluentMigrator's SQLite generator refuses to run: on SQLite the fix is
    /// not offered and the message says why. The default-value fix is still offered, and its migration runs.
    /// </summary>
    [Fact]
    public async Task MIG1030_three_steps_are_not_offered_on_SQLite_and_the_message_says_why()
    {
        var history = History("""
                        Create.Column("Age").OnTable("Users").AsInt32().NotNullable();
            """, """
                        Delete.Column("Age").FromTable("Users");
            """).ToList();
        var settings = new Dictionary<string, string> { ["migration_analyzers.target_database"] = "sqlite" };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new NotNullColumnWithoutDefaultAnalyzer(), new NotNullInThreeStepsCodeFix(), history, equivalenceKey: NotNullInThreeStepsCodeFix.SameFileKey, settings: settings);

        Assert.Equal(history.Single(source => source.Path == ChangePath).Text, fixedSources[ChangePath]);
        var diagnostic = Assert.Single(remaining, d => d.Id == "MIG1030");
        Assert.Contains("FluentMigrator cannot alter a column on SQLite", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        await ProveAsync(TestDatabases.Sqlite, new NotNullColumnWithoutDefaultAnalyzer(), new AddDefaultValueCodeFix(), history, settings: settings);
    }

    /// <summary>
    /// CREATE INDEX CONCURRENTLY inside FluentMigrator's transaction fails on PostgreSQL; with the fix's
    /// <c>TransactionBehavior.None</c> it runs, and the history still rolls back one step at a time with its rows.
    /// </summary>
    [SkippableFact]
    public async Task MIG1150_concurrent_SQL_outside_the_transaction_rolls_back_to_each_step_with_the_rows()
    {
        var fixedChange = await ProveAsync(
            TestDatabases.PostgreSql,
            new ConcurrentIndexInTransactionAnalyzer(),
            new SuppressTransactionCodeFix(),
            History("""
                        Execute.Sql("CREATE INDEX CONCURRENTLY \"IX_Users_Name\" ON \"Users\" (\"Name\");");
            """, """
                        Execute.Sql("DROP INDEX CONCURRENTLY \"IX_Users_Name\";");
            """),
            unfixedFails: true,
            settings: new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql", ["migration_analyzers.deployment"] = "rolling" });
        Assert.Contains("TransactionBehavior.None", fixedChange);
    }

    /// <summary>
    /// MIG1060's FluentMigrator fix on PostgreSQL: Create.Index with AsConcurrently() in a migration without a
    /// transaction builds the index (valid, as pg_index says) and the history rolls back one step at a time with its rows.
    /// </summary>
    [SkippableFact]
    public async Task MIG1060_concurrent_index_rolls_back_to_each_step_with_the_rows()
    {
        // The fix writes the extension's AsConcurrently(): its assembly must be among the references the sources compile with.
        Assert.NotNull(typeof(FluentMigrator.Postgres.PostgresExtensions).Assembly);
        var fixedChange = await ProveAsync(
            TestDatabases.PostgreSql,
            new BlockingIndexChangeAnalyzer(),
            new NonBlockingIndexCodeFix(),
            History("""
                        Create.Index("IX_Users_Name").OnTable("Users").OnColumn("Name").Ascending();
            """, """
                        Delete.Index("IX_Users_Name").OnTable("Users");
            """),
            NonBlockingIndexCodeFix.ConcurrentlyKey,
            atTheEnd: database => Assert.Equal(new[] { "1" }, database.Rows("pg_index", "count(*) FILTER (WHERE indexrelid = '\"IX_Users_Name\"'::regclass AND indisvalid) = 1", "1")),
            settings: new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql", ["migration_analyzers.deployment"] = "rolling" });
        Assert.Contains(".WithOptions().AsConcurrently()", fixedChange);
        Assert.Contains("TransactionBehavior.None", fixedChange);
    }
}
