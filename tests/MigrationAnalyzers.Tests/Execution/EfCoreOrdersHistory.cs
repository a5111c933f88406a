using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// A small EF Core history for execution tests: a context, and a first migration that creates Orders with the
/// Designer model EF Core needs to roll data operations back. Tests add the migration under test after it.
/// </summary>
public static class EfCoreOrdersHistory
{
    public const string Initial = "20240101000000_CreateOrders";

    public const string StartingRows = "INSERT INTO Orders (Id, Total) VALUES (1, 20.5), (2, 180.0), (3, 99.9);";

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

    /// <summary>Runs SQL on the runner's database, as the application would between migrations.</summary>
    public static void Execute(SqliteDatabase database, string sql)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Migrates to the first migration and adds the starting rows: the database every test starts from.</summary>
    public static SqliteSchema Start(EfMigrationRunner runner)
    {
        runner.MigrateTo(Initial);
        Execute(runner.Database, StartingRows);
        return runner.Database.Schema(includeRows: true);
    }

    /// <summary>The sources as the code-fix applier takes them.</summary>
    public static IEnumerable<(string Path, string Text)> Pairs(IReadOnlyDictionary<string, string> sources) => sources.Select(pair => (pair.Key, pair.Value));

    /// <summary>The Designer model of Orders after a migration that adds <paramref name="extraProperties"/> (EF Core model builder code).</summary>
    public static string OrderModel(string extraProperties) => $$"""
                    modelBuilder.Entity("Shop.Data.Order", b =>
                        {
                            b.Property<int>("Id")
                                .ValueGeneratedOnAdd()
                                .HasColumnType("INTEGER");
        {{extraProperties}}
                            b.Property<double>("Total")
                                .HasColumnType("REAL");

                            b.HasKey("Id");

                            b.ToTable("Orders");
                        });
        """;

    /// <summary>The history with one more migration (its hand-written file and its Designer with <paramref name="targetModel"/>).</summary>
    public static Dictionary<string, string> With(string id, string className, string migration, string targetModel) => new Dictionary<string, string>
    {
        ["/src/AppDbContext.cs"] = Context,
        ["/src/Migrations/" + Initial + ".Designer.cs"] = Sources.Designer("CreateOrders", Initial, InitialModel),
        ["/src/Migrations/" + Initial + ".cs"] = CreateOrders,
        ["/src/Migrations/" + id + ".Designer.cs"] = Sources.Designer(className, id, targetModel),
        ["/src/Migrations/" + id + ".cs"] = migration,
    };
}
