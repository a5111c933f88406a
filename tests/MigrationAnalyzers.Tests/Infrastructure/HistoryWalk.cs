using System;
using System.Collections.Generic;
using System.Linq;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Walks a history one migration at a time, with rows in the tables: up from a starting migration, snapshotting the
/// database after each step, then down one step at a time, where each rollback must give back the snapshot that step
/// had on the way up (schema and every row, with equal values), then up again to the end. A rollback to each
/// intermediate migration is proven, not only one to the empty database.
/// </summary>
public static class HistoryWalk
{
    /// <param name="migrateTo">Applies or rolls back to a migration of <paramref name="migrations"/>.</param>
    /// <param name="start">The migration the walk starts from; the rows are put in right after it.</param>
    /// <param name="rows">SQL that fills the tables at <paramref name="start"/>.</param>
    /// <param name="downsThatKeepValues">
    /// Data migrations whose Down does nothing on purpose (its rule page says so: a backfill's values stay). Once one of
    /// them is rolled back, the rows are compared by number and the schema in full, not the values.
    /// </param>
    /// <returns>The snapshot after each migration from <paramref name="start"/> on, by migration.</returns>
    public static IReadOnlyDictionary<string, string> UpAndDownOneStepAtATime(
        Action<string?> migrateTo, IReadOnlyList<string> migrations, ITestDatabase database, string start, string rows, IReadOnlyCollection<string>? downsThatKeepValues = null)
    {
        var from = migrations.ToList().IndexOf(start);
        Assert.True(from >= 0, start + " is not one of " + string.Join(", ", migrations));
        migrateTo(start);
        database.Execute(rows);

        var snapshots = new Dictionary<string, string> { [start] = database.Snapshot() };
        foreach (var migration in migrations.Skip(from + 1))
        {
            migrateTo(migration);
            snapshots[migration] = database.Snapshot();
        }

        var valuesKept = false;
        for (var index = migrations.Count - 2; index >= from; index--)
        {
            valuesKept |= downsThatKeepValues?.Contains(migrations[index + 1]) == true;
            migrateTo(migrations[index]);
            var back = database.Snapshot();
            Assert.True(
                valuesKept ? WithoutValues(snapshots[migrations[index]]) == WithoutValues(back) : snapshots[migrations[index]] == back,
                $"{database.Engine}: rolling back to {migrations[index]} did not give back its state.\nOn the way up:\n{snapshots[migrations[index]]}\nAfter the rollback:\n{back}");
        }

        migrateTo(migrations[migrations.Count - 1]);
        Assert.Equal(snapshots[migrations[migrations.Count - 1]], database.Snapshot());
        return snapshots;
    }

    /// <summary>The snapshot with each row's values replaced by a mark: the schema and the number of rows per table.</summary>
    private static string WithoutValues(string snapshot)
        => string.Join("\n", snapshot.Split('\n').Select(line => line.StartsWith("  row ", StringComparison.Ordinal) ? "  row" : line));
}
