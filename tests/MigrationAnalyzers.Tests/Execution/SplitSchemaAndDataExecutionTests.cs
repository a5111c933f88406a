using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
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
    private const string StartingRows = "INSERT INTO Orders (Id, Total) VALUES (1, 20.5), (2, 180.0), (3, 99.9);";

    private const string StartingDatabase = "CREATE TABLE Orders (Id INTEGER NOT NULL CONSTRAINT PK_Orders PRIMARY KEY, Total REAL NOT NULL); " + StartingRows;

    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop.Data
        {
            public class AppDbContext : DbContext
            {
                public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }
            }
        }
        """;

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

    private const string Initial = "20240101000000_CreateOrders";

    private const string InitialModel = """
                    modelBuilder.Entity("Shop.Data.Order", b =>
                        {
                            b.Property<int>("Id")
                                .ValueGeneratedOnAdd()
                                .HasColumnType("INTEGER");

                            b.Property<double>("Total")
                                .HasColumnType("REAL");

                            b.HasKey("Id");

                            b.ToTable("Orders");
                        });
        """;

    /// <summary>The migration before: EF Core rolls back data operations against the previous migration's model.</summary>
    private const string CreateOrders = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class CreateOrders : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Total = table.Column<double>(type: "REAL", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Orders", x => x.Id);
                        });
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Orders");
                }
            }
        }
        """;

    private static readonly Dictionary<string, string> EfSources = new Dictionary<string, string>
    {
        ["/src/AppDbContext.cs"] = Context,
        ["/src/Migrations/20240101000000_CreateOrders.Designer.cs"] = Sources.Designer("CreateOrders", Initial, InitialModel),
        ["/src/Migrations/20240101000000_CreateOrders.cs"] = CreateOrders,
        ["/src/Migrations/20240301090000_AddOrderStatus.Designer.cs"] = Sources.Designer("AddOrderStatus", "20240301090000_AddOrderStatus", OrderModel),
        ["/src/Migrations/20240301090000_AddOrderStatus.cs"] = EfMigration,
    };

    [Theory]
    [InlineData(SplitSchemaAndDataCodeFixProvider.NewFileKey)]
    [InlineData(SplitSchemaAndDataCodeFixProvider.SameFileKey)]
    public async Task EfCore_split_migrations_end_and_roll_back_like_the_original(string shape)
    {
        var split = (await CodeFixApplier.ApplyAsync(new SchemaAndDataInOneMigrationAnalyzer(), new SplitSchemaAndDataCodeFixProvider(), EfCoreOrdersHistory.Pairs(EfSources), equivalenceKey: shape)).Sources;
        var newFile = shape == SplitSchemaAndDataCodeFixProvider.NewFileKey;
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
    [InlineData(SplitSchemaAndDataCodeFixProvider.NewFileKey)]
    [InlineData(SplitSchemaAndDataCodeFixProvider.SameFileKey)]
    public async Task FluentMigrator_split_migrations_end_and_roll_back_like_the_original(string shape)
    {
        var sources = new Dictionary<string, string> { ["/src/Migrations/202403010900_AddOrderStatus.cs"] = FmMigration };
        var split = (await CodeFixApplier.ApplyAsync(new SchemaAndDataInOneMigrationAnalyzer(), new SplitSchemaAndDataCodeFixProvider(), EfCoreOrdersHistory.Pairs(sources), equivalenceKey: shape)).Sources;
        var newFile = shape == SplitSchemaAndDataCodeFixProvider.NewFileKey;
        Assert.Equal(newFile, split.ContainsKey("/src/Migrations/202403010901_AddOrderStatusData.cs"));
        Assert.Equal(newFile ? 0 : 1, Occurrences(split["/src/Migrations/202403010900_AddOrderStatus.cs"], "Update.Table"));

        var original = RunFluentMigrator(InMemoryCompiler.Compile(sources.Values));
        var splitRun = RunFluentMigrator(InMemoryCompiler.Compile(split.Values));

        Assert.Contains("row Orders: 2 | 180 | 2", original.Up);
        Assert.Equal(original.Up, splitRun.Up);
        Assert.Equal(original.Down, splitRun.Down);
        Assert.Equal(original.Start, original.Down);
    }

    private static (string Start, string Up, string Down) RunFluentMigrator(System.Reflection.Assembly assembly)
    {
        using var runner = new FluentMigrationRunner(assembly);
        EfCoreOrdersHistory.Execute(runner.Database, StartingDatabase);
        var start = runner.Database.Schema(includeRows: true).Description;
        runner.MigrateTo(runner.Migrations[runner.Migrations.Count - 1]);
        var up = runner.Database.Schema(includeRows: true).Description;
        runner.MigrateTo(null);
        return (start, up, runner.Database.Schema(includeRows: true).Description);
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;
}
