namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// The proof that a migration can be rolled back: apply everything before it, then Up → Down → Up, and compare the
/// schema (and rows) after Down with the schema before Up, and the schema after the second Up with the first.
/// </summary>
public static class MigrationRoundTrip
{
    /// <summary>Runs the round trip of <paramref name="migration"/> and returns the schema it produces.</summary>
    public static SqliteSchema AssertUpDownUp(ISchemaMigrator migrator, string migration)
    {
        var position = IndexOf(migrator, migration);
        var previous = position == 0 ? null : migrator.Migrations[position - 1];

        migrator.MigrateTo(previous);
        var before = migrator.Database.Schema(includeRows: true);

        migrator.MigrateTo(migration);
        var afterUp = migrator.Database.Schema(includeRows: true);
        Assert.False(afterUp.Equals(before), $"Up of {migration} changed nothing; the round trip would prove nothing.");

        migrator.MigrateTo(previous);
        var afterDown = migrator.Database.Schema(includeRows: true);
        Assert.True(afterDown.Equals(before), $"Down of {migration} did not restore the schema:\n{SqliteSchema.Difference(before, afterDown)}");

        migrator.MigrateTo(migration);
        var afterSecondUp = migrator.Database.Schema(includeRows: true);
        Assert.True(afterSecondUp.Equals(afterUp), $"Up of {migration} after Down produced another schema:\n{SqliteSchema.Difference(afterUp, afterSecondUp)}");
        return afterUp;
    }

    private static int IndexOf(ISchemaMigrator migrator, string migration)
    {
        for (var i = 0; i < migrator.Migrations.Count; i++)
        {
            if (migrator.Migrations[i] == migration)
            {
                return i;
            }
        }

        Assert.Fail($"Migration {migration} was not found; found: {string.Join(", ", migrator.Migrations)}");
        return -1;
    }
}
