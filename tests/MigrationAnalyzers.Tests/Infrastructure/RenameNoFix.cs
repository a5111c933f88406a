namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>The endings of MIG1040's message when its expand-step fix is not offered (the rule says why).</summary>
public static class RenameNoFix
{
    public const string OnUnknownDatabase = "; no fix is offered: the target database is unknown, so the triggers that keep both columns in step have no dialect (set migration_analyzers.target_database)";

    public const string OnSqlite = "; no fix is offered: SQLite triggers cannot fill the old NOT NULL column for inserts from the new model, so no expand step keeps both versions working; an embedded database is upgraded with the application stopped (migration_analyzers.deployment = single_instance)";

    public const string ColumnNotInHistory = "; no fix is offered: the old column's definition is not found in the migration history, so the new column's type is unknown";

    public const string ForTable = "; no fix is offered: a table rename has no code fix, only a column rename has one";

    public const string NoRoomAfter = "; no fix is offered: another migration of this history runs right after this one, so the new migrations the fix writes could not run directly after it";
}
