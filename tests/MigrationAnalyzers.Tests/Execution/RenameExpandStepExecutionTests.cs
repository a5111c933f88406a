using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

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
        var expanded = (await CodeFixApplier.ApplyAsync(new OneStepRenameAnalyzer(), new RenameExpandStepCodeFix(), EfCoreOrdersHistory.Pairs(sources), equivalenceKey: shape)).Sources;
        using var runner = new EfMigrationRunner(InMemoryCompiler.Compile(expanded.Values));
        var start = EfCoreOrdersHistory.Start(runner);

        runner.MigrateTo(runner.Migrations[runner.Migrations.Count - 1]);
        var expandedDatabase = runner.Database.Schema(includeRows: true).Description;
        Assert.Contains("row Orders: 1 | 20.5 | 20.5", expandedDatabase);
        Assert.Contains("row Orders: 2 | 180 | 180", expandedDatabase);
        Assert.Contains("row Orders: 3 | 99.9 | 99.9", expandedDatabase);

        // The old application still reads and writes Total.
        EfCoreOrdersHistory.Execute(runner.Database, "INSERT INTO Orders (Id, Total) VALUES (4, 1.5); DELETE FROM Orders WHERE Id = 4;");

        runner.MigrateTo(EfCoreOrdersHistory.Initial);
        Assert.Equal(start, runner.Database.Schema(includeRows: true));
    }
}
