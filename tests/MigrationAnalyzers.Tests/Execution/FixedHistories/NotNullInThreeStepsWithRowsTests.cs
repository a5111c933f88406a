using System;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Execution.FixedHistories;

/// <summary>
/// MIG1030's three-step fix on a small EF Core history whose table holds rows, on SQLite and on PostgreSQL: the
/// one-step migration fails there, the fixed history goes up one migration at a time and comes down one migration at
/// a time, and at every step the column has the nullability of that step and every row keeps its values. Rolling back
/// the NOT NULL step must make the column nullable again: on SQLite that takes the backfill migration's own target
/// model, since SQLite rebuilds the table from it.
/// </summary>
public class NotNullInThreeStepsWithRowsTests
{
    private const string Id = OrderMigrationSources.AddOrderPriorityId;

    private const string PriorityProperty = """
                            b.Property<int>("Priority")
                                .HasColumnType("INTEGER");

        """;

    private const string Rows = """INSERT INTO "Orders" ("Id", "Total") VALUES (1, 20.5), (2, 180.0), (3, 99.9);""";

    private const string Columns = "\"Id\", \"Total\", \"Priority\"";

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task EfCore_each_step_up_and_down_keeps_the_rows_and_the_nullability_of_that_step(string engine)
    {
        var sources = EfCoreOrdersHistory.With(Id, "AddOrderPriority", OrderMigrationSources.AddOrderPriority, EfCoreOrdersHistory.OrderModel(PriorityProperty));
        var fixedSources = (await CodeFixApplier.ApplyAsync(
            new NotNullColumnWithoutDefaultAnalyzer(), new NotNullInThreeStepsCodeFix(), EfCoreOrdersHistory.Pairs(sources), equivalenceKey: NotNullInThreeStepsCodeFix.SameFileKey)).Sources;

        // The backfill migration carries the model with Priority still optional (int?), not the original's.
        var fixedMigration = fixedSources.Single(pair => pair.Key.EndsWith(Id + ".cs", StringComparison.Ordinal)).Value;
        Assert.Contains("b.Property<int?>(\"Priority\")", fixedMigration);

        using (var database = TestDatabases.Create(engine))
        using (var original = new EfMigrationRunner(InMemoryCompiler.Compile(sources.Values), database))
        {
            original.MigrateTo(EfCoreOrdersHistory.Initial);
            database.Execute(Rows);
            Assert.ThrowsAny<Exception>(() => original.MigrateTo(Id));
        }

        using var target = TestDatabases.Create(engine);
        using var runner = new EfMigrationRunner(InMemoryCompiler.Compile(fixedSources.Values), target);
        Assert.Equal(
            new[] { EfCoreOrdersHistory.Initial, Id, "20240301090001_AddOrderPriorityBackfill", "20240301090002_AddOrderPriorityNotNull" },
            runner.Migrations);
        var (initial, added, backfilled, notNull) = (runner.Migrations[0], runner.Migrations[1], runner.Migrations[2], runner.Migrations[3]);

        runner.MigrateTo(initial);
        target.Execute(Rows);

        // Up, one step at a time.
        runner.MigrateTo(added);
        AssertStep(target, nullable: true, "1 | 20.5 | NULL", "2 | 180 | NULL", "3 | 99.9 | NULL");
        runner.MigrateTo(backfilled);
        AssertStep(target, nullable: true, "1 | 20.5 | 0", "2 | 180 | 0", "3 | 99.9 | 0");
        runner.MigrateTo(notNull);
        AssertStep(target, nullable: false, "1 | 20.5 | 0", "2 | 180 | 0", "3 | 99.9 | 0");

        // The application writes the column once the NOT NULL step is out.
        target.Execute("""INSERT INTO "Orders" ("Id", "Total", "Priority") VALUES (4, 7.5, 2);""");
        var rowsAtTheEnd = new[] { "1 | 20.5 | 0", "2 | 180 | 0", "3 | 99.9 | 0", "4 | 7.5 | 2" };

        // Down, one step at a time: every row stays, with its values.
        runner.MigrateTo(backfilled);
        AssertStep(target, nullable: true, rowsAtTheEnd);
        target.Execute("""INSERT INTO "Orders" ("Id", "Total") VALUES (5, 1.25);""");
        runner.MigrateTo(added);
        AssertStep(target, nullable: true, rowsAtTheEnd.Append("5 | 1.25 | NULL").ToArray());
        runner.MigrateTo(initial);
        Assert.Null(target.IsNullable("Orders", "Priority"));
        Assert.Equal(new[] { "1 | 20.5", "2 | 180", "3 | 99.9", "4 | 7.5", "5 | 1.25" }, target.Rows("Orders", "\"Id\", \"Total\"", "\"Id\""));

        // And up again to the end, with a row that has no value yet: the backfill gives it one.
        runner.MigrateTo(notNull);
        AssertStep(target, nullable: false, "1 | 20.5 | 0", "2 | 180 | 0", "3 | 99.9 | 0", "4 | 7.5 | 0", "5 | 1.25 | 0");
    }

    private static void AssertStep(ITestDatabase database, bool nullable, params string[] rows)
    {
        Assert.Equal(nullable, database.IsNullable("Orders", "Priority"));
        Assert.Equal(rows, database.Rows("Orders", Columns, "\"Id\""));
    }
}
