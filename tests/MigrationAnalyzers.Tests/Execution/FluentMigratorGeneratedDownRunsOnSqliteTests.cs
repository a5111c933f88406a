using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Reversal;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// Proof by execution for FluentMigrator: each sample's Down is written by a fix (MIG1001, and MIG1002/MIG1003 at the end), then the migration runs
/// Up → Down → Up on SQLite through FluentMigrator's runner, and the schema (and rows) must come back exactly.
/// </summary>
public class FluentMigratorGeneratedDownRunsOnSqliteTests
{
    private const string Initial = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(1, "Customers and notes")]
            public class Initial : Migration
            {
                public override void Up()
                {
                    Create.Table("Customers")
                        .WithColumn("Id").AsInt32().NotNullable().PrimaryKey().Identity()
                        .WithColumn("Name").AsString(100).NotNullable()
                        .WithColumn("Phone").AsString(30).Nullable();

                    Create.Table("Notes")
                        .WithColumn("Id").AsInt32().NotNullable().PrimaryKey()
                        .WithColumn("CustomerId").AsInt32().NotNullable()
                        .WithColumn("Text").AsString(int.MaxValue).Nullable();

                    Create.Index("IX_Notes_CustomerId").OnTable("Notes").OnColumn("CustomerId").Ascending();
                }

                public override void Down()
                {
                }
            }
        }
        """;

    private static string Change(string up) => $$"""
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(2)]
            public class Change : Migration
            {
                public override void Up()
                {
        {{up}}
                }

                public override void Down()
                {
                }
            }
        }
        """;

    /// <summary>Fixes both migrations, compiles them, and runs the round trip of each.</summary>
    /// <param name="settings">.editorconfig values: a data-only change is reported only with <c>report_data_only</c>.</param>
    private static async Task ProveAsync(string up, IReadOnlyDictionary<string, string>? settings = null)
    {
        var sources = new[] { ("/0/Migrations/001_Initial.cs", Initial), ("/0/Migrations/002_Change.cs", Change(up)) };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new MigrationCannotBeRolledBackAnalyzer(), new GenerateDownCodeFix(), sources, settings: settings);
        Assert.Empty(remaining.Where(d => d.Id == "MIG1001"));

        using var runner = new FluentMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values));
        Assert.Equal(new[] { "1", "2" }, runner.Migrations);
        MigrationRoundTrip.AssertUpDownUp(runner, "1");
        MigrationRoundTrip.AssertUpDownUp(runner, "2");
    }

    [Fact]
    public Task Created_table_and_index_are_deleted_by_the_generated_Down()
        => ProveAsync("""
                    Create.Table("Orders")
                        .WithColumn("Id").AsInt32().NotNullable().PrimaryKey().Identity()
                        .WithColumn("CustomerId").AsInt32().NotNullable()
                        .WithColumn("Total").AsDecimal(10, 2).NotNullable().WithDefaultValue(0);
                    Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending().WithOptions().NonClustered();
            """);

    [Fact]
    public Task Added_columns_are_deleted_by_the_generated_Down()
        => ProveAsync("""
                    Alter.Table("Customers")
                        .AddColumn("Email").AsString(200).Nullable()
                        .AddColumn("Vip").AsBoolean().NotNullable().WithDefaultValue(false);
                    Create.Column("Note").OnTable("Notes").AsString(50).Nullable();
            """);

    [Fact]
    public Task Inserted_rows_are_deleted_by_the_generated_Down()
        => ProveAsync("""
                    Insert.IntoTable("Customers")
                        .Row(new { Id = 1, Name = "Ada" })
                        .Row(new { Id = 2, Name = "Grace", Phone = "555" });
            """,
            new Dictionary<string, string> { ["migration_analyzers.MIG1001.report_data_only"] = "true" });

    [Fact]
    public Task Renamed_table_and_column_get_their_names_back()
        => ProveAsync("""
                    Rename.Table("Notes").To("Remarks");
                    Rename.Column("Phone").OnTable("Customers").To("Telephone");
            """);

    [Fact]
    public Task Deleted_table_and_its_index_are_recreated_from_history()
        => ProveAsync("""
                    Delete.Table("Notes");
            """);

    [Fact]
    public Task Deleted_column_and_index_are_recreated_from_history()
        => ProveAsync("""
                    Delete.Index("IX_Notes_CustomerId").OnTable("Notes");
                    Delete.Column("Phone").FromTable("Customers");
            """);

    [Fact]
    public Task Created_unique_constraint_is_deleted_by_the_generated_Down()
        => ProveAsync("""
                    Create.UniqueConstraint("UQ_Customers_Name").OnTable("Customers").Column("Name");
            """);

    [Fact]
    public async Task AutoReversingMigration_turned_into_a_Migration_by_the_MIG1003_fix_rolls_back()
    {
        var change = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(2)]
                public class DropPhone : AutoReversingMigration
                {
                    public override void Up()
                    {
                        Create.Table("Orders").WithColumn("Id").AsInt32().PrimaryKey();
                        IfDatabase("SQLite").Delete.Column("Phone").FromTable("Customers");
                    }
                }
            }
            """;
        var sources = new[] { ("/0/Migrations/001_Initial.cs", Initial.Replace("""

                public override void Down()
                {
                }
        """, string.Empty).Replace(": Migration", ": AutoReversingMigration")), ("/0/Migrations/002_DropPhone.cs", change) };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new AutoReversingMigrationCannotReverseAnalyzer(), new ConvertToMigrationWithDownCodeFix(), sources);
        Assert.Empty(remaining);
        Assert.Contains("public class DropPhone : Migration", fixedSources["/0/Migrations/002_DropPhone.cs"]);

        using var runner = new FluentMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values));
        MigrationRoundTrip.AssertUpDownUp(runner, "1");
        MigrationRoundTrip.AssertUpDownUp(runner, "2");
    }

    [Fact]
    public async Task Down_completed_by_the_MIG1002_fix_rolls_back()
    {
        var sources = new[]
        {
            ("/0/Migrations/001_Initial.cs", Initial.Replace("""
                public override void Down()
                {
                }
        """, """
                public override void Down()
                {
                    Delete.Table("Notes");
                    Delete.Table("Customers");
                }
        """)),
            ("/0/Migrations/002_Change.cs", Change("""
                    Alter.Table("Customers").AddColumn("Email").AsString(200).Nullable();
                    Rename.Column("Text").OnTable("Notes").To("Body");
                    Delete.Index("IX_Notes_CustomerId").OnTable("Notes");
            """).Replace("""
                public override void Down()
                {
                }
        """, """
                public override void Down()
                {
                    Rename.Column("Body").OnTable("Notes").To("Text");
                }
        """)),
        };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new DownDoesNotUndoUpAnalyzer(), new AddMissingInversesCodeFix(), sources);
        Assert.Empty(remaining);

        using var runner = new FluentMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values));
        MigrationRoundTrip.AssertUpDownUp(runner, "2");
    }
}
