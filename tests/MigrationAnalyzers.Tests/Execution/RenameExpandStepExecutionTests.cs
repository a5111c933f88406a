using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Infrastructure.Sqlite;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// MIG1040's expand step on SQLite with data: the old column stays with its values (old code keeps working), the
/// new one holds a copy of every row, and rolling back returns to the starting database.
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
    public async Task EfCore_expand_step_keeps_the_old_column_and_copies_every_row(string shape)
    {
        var sources = EfCoreOrdersHistory.With(Id, "RenameTotalToAmount", Migration, RenamedModel);
        var expanded = await CodeFixApplier.ApplyAsync(new OneStepRenameAnalyzer(), new RenameExpandStepCodeFix(), shape, sources);
        var assembly = InMemoryCompiler.Compile(expanded.Values);

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        EfCoreSqliteRunner.Migrate(assembly, connection, EfCoreOrdersHistory.Initial);
        SqliteSnapshot.Execute(connection, EfCoreOrdersHistory.StartingRows);
        var start = SqliteSnapshot.Take(connection);

        EfCoreSqliteRunner.Migrate(assembly, connection);
        var expandedDatabase = SqliteSnapshot.Take(connection);
        Assert.Contains("Id=1 | Total=20.5 | Amount=20.5", expandedDatabase);
        Assert.Contains("Id=2 | Total=180 | Amount=180", expandedDatabase);
        Assert.Contains("Id=3 | Total=99.9 | Amount=99.9", expandedDatabase);

        // The old application still reads and writes Total.
        SqliteSnapshot.Execute(connection, "INSERT INTO Orders (Id, Total) VALUES (4, 1.5)");
        SqliteSnapshot.Execute(connection, "DELETE FROM Orders WHERE Id = 4");

        EfCoreSqliteRunner.Migrate(assembly, connection, EfCoreOrdersHistory.Initial);
        Assert.Equal(start, SqliteSnapshot.Take(connection));
    }
}
