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
        bool unfixedFails = false)
    {
        var history = sources.ToList();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(analyzer, fix, history, equivalenceKey: equivalenceKey);
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
            new SplitSchemaAndDataCodeFixProvider(),
            History("""
                        Create.Column("Nickname").OnTable("Users").AsString(200).Nullable();
                        Execute.Sql("UPDATE \"Users\" SET \"Nickname\" = \"Name\"");
            """, """
                        Delete.Column("Nickname").FromTable("Users");
            """),
            SplitSchemaAndDataCodeFixProvider.SameFileKey,
            atTheEnd: database => Assert.Equal(new[] { "1 | Ada", "2 | Linus", "3 | Grace" }, database.Rows("Users", "\"Id\", \"Nickname\"", "\"Id\"")),
            migrationsAdded: 1);
    }
}
