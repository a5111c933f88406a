using System;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// MIG1030's three-step fix on SQLite with rows already in the table: the original migration fails, the three
/// migrations the fix writes run, leave the column NOT NULL with every row filled, and roll back to the start.
/// </summary>
public class NotNullInThreeStepsExecutionTests
{
    private const string Id = OrderMigrationSources.AddOrderPriorityId;

    private const string Migration = OrderMigrationSources.AddOrderPriority;

    private const string PriorityProperty = """
                            b.Property<int>("Priority")
                                .HasColumnType("INTEGER");

        """;

    [Theory]
    [InlineData(NotNullInThreeStepsCodeFix.NewFilesKey)]
    [InlineData(NotNullInThreeStepsCodeFix.SameFileKey)]
    public async Task EfCore_three_steps_run_on_a_table_with_rows_where_the_one_step_migration_fails(string shape)
    {
        var sources = EfCoreOrdersHistory.With(Id, "AddOrderPriority", Migration, EfCoreOrdersHistory.OrderModel(PriorityProperty));
        var fixedSources = (await CodeFixApplier.ApplyAsync(new NotNullColumnWithoutDefaultAnalyzer(), new NotNullInThreeStepsCodeFix(), EfCoreOrdersHistory.Pairs(sources), equivalenceKey: shape)).Sources;
        Assert.Equal(shape == NotNullInThreeStepsCodeFix.NewFilesKey ? sources.Count + 2 : sources.Count, fixedSources.Count);

        using (var original = new EfMigrationRunner(InMemoryCompiler.Compile(sources.Values)))
        {
            EfCoreOrdersHistory.Start(original);
            var failure = Assert.ThrowsAny<Exception>(() => original.MigrateTo(Id));
            Assert.Contains("NOT NULL", failure.Message);
        }

        using var runner = new EfMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values));
        Assert.Equal(4, runner.Migrations.Count);
        var start = EfCoreOrdersHistory.Start(runner);
        runner.MigrateTo(runner.Migrations[3]);
        var end = runner.Database.Schema(includeRows: true).Description;
        Assert.Contains("column Orders.Priority type=INTEGER notnull=1", end);
        // SQLite rebuilds the table for AlterColumn, with the columns in the model's order: Id, Priority, Total.
        Assert.Contains("row Orders: 1 | 0 | 20.5", end);
        Assert.Contains("row Orders: 2 | 0 | 180", end);
        Assert.Contains("row Orders: 3 | 0 | 99.9", end);

        runner.MigrateTo(EfCoreOrdersHistory.Initial);
        Assert.Equal(start, runner.Database.Schema(includeRows: true));
    }
}
