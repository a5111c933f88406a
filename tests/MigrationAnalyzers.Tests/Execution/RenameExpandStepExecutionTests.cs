using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// MIG1040 on SQLite under a rolling deployment: no expand step is written (SQLite triggers cannot fill the old NOT NULL
/// column for the new model's inserts), the migration is left as it was and the diagnostic says why. The expand step
/// itself runs on PostgreSQL (Postgres/RenameExpandStepOnPostgresTests).
/// </summary>
public class RenameExpandStepExecutionTests
{
    private const string Id = "20240301090000_RenameTotalToAmount";

    private const string Migration = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class RenameTotalToAmount : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Total",
                        table: "Orders",
                        newName: "Amount");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Amount",
                        table: "Orders",
                        newName: "Total");
                }
            }
        }
        """;

    private const string RenamedModel = """
                    modelBuilder.Entity("Shop.Data.Order", b =>
                        {
                            b.Property<int>("Id")
                                .ValueGeneratedOnAdd()
                                .HasColumnType("INTEGER");

                            b.Property<double>("Amount")
                                .HasColumnType("REAL");

                            b.HasKey("Id");

                            b.ToTable("Orders");
                        });
        """;

    [Theory]
    [InlineData(RenameExpandStepCodeFix.NewFileKey)]
    [InlineData(RenameExpandStepCodeFix.SameFileKey)]
    public async Task EfCore_rename_on_SQLite_gets_no_fix_and_the_message_says_why(string shape)
    {
        var sources = EfCoreOrdersHistory.With(Id, "RenameTotalToAmount", Migration, RenamedModel);
        var (after, remaining) = await CodeFixApplier.ApplyAsync(new OneStepRenameAnalyzer(), new RenameExpandStepCodeFix(), EfCoreOrdersHistory.Pairs(sources), equivalenceKey: shape);
        Assert.Equal(sources.OrderBy(pair => pair.Key), after.OrderBy(pair => pair.Key));
        var diagnostic = Assert.Single(remaining, d => d.Id == "MIG1040");
        Assert.EndsWith(RenameNoFix.OnSqlite, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    private static readonly System.Collections.Generic.Dictionary<string, string> FluentMigratorSources = new()
    {
        ["/src/Migrations/0001_CreateOrders.cs"] = """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(1)]
            public class CreateOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders")
                        .WithColumn("Id").AsInt32().PrimaryKey()
                        .WithColumn("Total").AsDouble().NotNullable();
                }

                public override void Down()
                {
                    Delete.Table("Orders");
                }
            }
            """,
        ["/src/Migrations/0002_RenameTotal.cs"] = """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(2)]
            public class RenameTotal : Migration
            {
                public override void Up()
                {
                    Rename.Column("Total").OnTable("Orders").To("Amount");
                }

                public override void Down()
                {
                    Rename.Column("Amount").OnTable("Orders").To("Total");
                }
            }
            """,
    };

    [Theory]
    [InlineData(RenameExpandStepCodeFix.NewFileKey)]
    [InlineData(RenameExpandStepCodeFix.SameFileKey)]
    public async Task FluentMigrator_rename_on_SQLite_gets_no_fix_and_the_message_says_why(string shape)
    {
        var settings = new System.Collections.Generic.Dictionary<string, string> { ["migration_analyzers.target_database"] = "sqlite" };
        var (after, remaining) = await CodeFixApplier.ApplyAsync(
            new OneStepRenameAnalyzer(), new RenameExpandStepCodeFix(), EfCoreOrdersHistory.Pairs(FluentMigratorSources), equivalenceKey: shape, settings: settings);
        Assert.Equal(FluentMigratorSources.OrderBy(pair => pair.Key), after.OrderBy(pair => pair.Key));
        var diagnostic = Assert.Single(remaining, d => d.Id == "MIG1040");
        Assert.EndsWith(RenameNoFix.OnSqlite, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }
}
