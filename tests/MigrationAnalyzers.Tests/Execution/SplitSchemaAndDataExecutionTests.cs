using System.Collections.Generic;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// The split keeps the meaning: the original migration and the split pair, run on SQLite from the same starting
/// database, end with the same schema and rows, and roll back to the same database.
/// </summary>
public class SplitSchemaAndDataExecutionTests
{
    private const string StartingDatabase = "CREATE TABLE Orders (Id INTEGER NOT NULL CONSTRAINT PK_Orders PRIMARY KEY, Total REAL NOT NULL); " + EfCoreOrdersHistory.StartingRows;

    private const string EfMigration = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddOrderStatus : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Status",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: true);

                    migrationBuilder.Sql("UPDATE Orders SET Status = CASE WHEN Total > 100 THEN 2 ELSE 1 END");

                    migrationBuilder.InsertData(
                        table: "Orders",
                        columns: new[] { "Id", "Total", "Status" },
                        values: new object[] { 4, 12.0, 0 });

                    migrationBuilder.CreateIndex(
                        name: "IX_Orders_Status",
                        table: "Orders",
                        column: "Status");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DeleteData(
                        table: "Orders",
                        keyColumn: "Id",
                        keyValue: 4);

                    migrationBuilder.DropIndex(
                        name: "IX_Orders_Status",
                        table: "Orders");

                    migrationBuilder.DropColumn(
                        name: "Status",
                        table: "Orders");
                }
            }
        }
        """;

    /// <summary>The Designer's target model: EF Core finds the column types of InsertData in it.</summary>
    private const string OrderModel = """
                    modelBuilder.Entity("Shop.Data.Order", b =>
                        {
                            b.Property<int>("Id")
                                .ValueGeneratedOnAdd()
                                .HasColumnType("INTEGER");

                            b.Property<int?>("Status")
                                .HasColumnType("INTEGER");

                            b.Property<double>("Total")
                                .HasColumnType("REAL");

                            b.HasKey("Id");

                            b.HasIndex("Status");

                            b.ToTable("Orders");
                        });
        """;

    private static readonly Dictionary<string, string> EfSources = EfCoreOrdersHistory.With("20240301090000_AddOrderStatus", "AddOrderStatus", EfMigration, OrderModel);

    [Theory]
    [InlineData(SplitSchemaAndDataCodeFix.NewFileKey)]
    [InlineData(SplitSchemaAndDataCodeFix.SameFileKey)]
    public async Task EfCore_split_migrations_end_and_roll_back_like_the_original(string shape)
    {
        var split = (await CodeFixApplier.ApplyAsync(new SchemaAndDataInOneMigrationAnalyzer(), new SplitSchemaAndDataCodeFix(), EfCoreOrdersHistory.Pairs(EfSources), equivalenceKey: shape)).Sources;
        var newFile = shape == SplitSchemaAndDataCodeFix.NewFileKey;
        Assert.Equal(newFile, split.ContainsKey("/src/Migrations/20240301090001_AddOrderStatusData.cs"));
        Assert.Equal(newFile ? 0 : 1, Occurrences(split["/src/Migrations/20240301090000_AddOrderStatus.cs"], "UPDATE Orders"));

        var original = RunEfCore(InMemoryCompiler.Compile(EfSources.Values));
        var splitRun = RunEfCore(InMemoryCompiler.Compile(split.Values));

        Assert.Contains("row Orders: 2 | 180 | 2", original.Up);
        Assert.Equal(original.Up, splitRun.Up);
        Assert.Equal(original.Down, splitRun.Down);
        Assert.Equal(original.Start, original.Down);
        Assert.Equal(2, splitRun.Applied);
    }

    private static (string Start, string Up, string Down, int Applied) RunEfCore(System.Reflection.Assembly assembly)
    {
        using var runner = new EfMigrationRunner(assembly);
        var start = EfCoreOrdersHistory.Start(runner).Description;
        runner.MigrateTo(runner.Migrations[runner.Migrations.Count - 1]);
        var up = runner.Database.Schema(includeRows: true).Description;
        var applied = runner.Migrations.Count - 1;
        runner.MigrateTo(EfCoreOrdersHistory.Initial);
        return (start, up, runner.Database.Schema(includeRows: true).Description, applied);
    }

    private const string FmMigration = """
        using FluentMigrator;

        namespace Shop.Migrations;

        [Migration(202403010900)]
        public class AddOrderStatus : Migration
        {
            public override void Up()
            {
                Alter.Table("Orders").AddColumn("Status").AsInt32().Nullable();
                Update.Table("Orders").Set(new { Status = 1 }).AllRows();
                Execute.Sql("UPDATE Orders SET Status = 2 WHERE Total > 100");
                Insert.IntoTable("Orders").Row(new { Id = 4, Total = 12.0, Status = 0 });
                Create.Index("IX_Orders_Status").OnTable("Orders").OnColumn("Status");
            }

            public override void Down()
            {
                Delete.FromTable("Orders").Row(new { Id = 4 });
                Delete.Index("IX_Orders_Status").OnTable("Orders");
                Delete.Column("Status").FromTable("Orders");
            }
        }
        """;

    [Theory]
    [InlineData(SplitSchemaAndDataCodeFix.NewFileKey)]
    [InlineData(SplitSchemaAndDataCodeFix.SameFileKey)]
    public async Task FluentMigrator_split_migrations_end_and_roll_back_like_the_original(string shape)
    {
        var sources = new Dictionary<string, string> { ["/src/Migrations/202403010900_AddOrderStatus.cs"] = FmMigration };
        var split = (await CodeFixApplier.ApplyAsync(new SchemaAndDataInOneMigrationAnalyzer(), new SplitSchemaAndDataCodeFix(), EfCoreOrdersHistory.Pairs(sources), equivalenceKey: shape)).Sources;
        var newFile = shape == SplitSchemaAndDataCodeFix.NewFileKey;
        Assert.Equal(newFile, split.ContainsKey("/src/Migrations/202403010901_AddOrderStatusData.cs"));
        Assert.Equal(newFile ? 0 : 1, Occurrences(split["/src/Migrations/202403010900_AddOrderStatus.cs"], "Update.Table"));

        var original = RunFluentMigrator(InMemoryCompiler.Compile(sources.Values));
        var splitRun = RunFluentMigrator(InMemoryCompiler.Compile(split.Values));

        // The fix really split: two migrations run where one did (a fix that changed nothing would pass every check below).
        Assert.Equal(1, original.Applied);
        Assert.Equal(2, splitRun.Applied);

        // Between the two, the schema is there and the data is not yet: the backfill lives in the second migration only.
        Assert.Contains("Status", splitRun.AfterSchema);
        Assert.DoesNotContain("row Orders: 2 | 180 | 2", splitRun.AfterSchema);
        Assert.NotEqual(splitRun.Up, splitRun.AfterSchema);

        // Both migrations end where the original ended. Rolling back the data migration alone removes the row it inserted
        // and leaves the schema of the first; the backfilled values stay (an UPDATE has no inverse; the schema Down drops the column).
        Assert.Contains("row Orders: 2 | 180 | 2", original.Up);
        Assert.Equal(original.Up, splitRun.Up);
        Assert.Contains("row Orders: 4 |", splitRun.Up);
        Assert.DoesNotContain("row Orders: 4 |", splitRun.AfterSchema);
        Assert.DoesNotContain("row Orders: 4 |", splitRun.BackToSchema);
        Assert.Equal(splitRun.AfterSchemaStructure, splitRun.BackToSchemaStructure);
        Assert.Equal(original.Down, splitRun.Down);
        Assert.Equal(original.Start, original.Down);
        Assert.Equal(splitRun.Start, splitRun.Down);
    }

    private static (string Start, string AfterSchema, string AfterSchemaStructure, string Up, string BackToSchema, string BackToSchemaStructure, string Down, int Applied) RunFluentMigrator(System.Reflection.Assembly assembly)
    {
        using var runner = new FluentMigrationRunner(assembly);
        EfCoreOrdersHistory.Execute(runner.Database, StartingDatabase);
        var start = runner.Database.Schema(includeRows: true).Description;
        runner.MigrateTo(runner.Migrations[0]);
        var afterSchema = runner.Database.Schema(includeRows: true).Description;
        var afterSchemaStructure = runner.Database.Schema(includeRows: false).Description;
        runner.MigrateTo(runner.Migrations[runner.Migrations.Count - 1]);
        var up = runner.Database.Schema(includeRows: true).Description;
        runner.MigrateTo(runner.Migrations[0]);
        var backToSchema = runner.Database.Schema(includeRows: true).Description;
        var backToSchemaStructure = runner.Database.Schema(includeRows: false).Description;
        runner.MigrateTo(null);
        return (start, afterSchema, afterSchemaStructure, up, backToSchema, backToSchemaStructure, runner.Database.Schema(includeRows: true).Description, runner.Migrations.Count);
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;
}
