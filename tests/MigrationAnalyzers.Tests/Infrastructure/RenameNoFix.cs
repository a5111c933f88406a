namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>The endings of MIG1040's message when its fix (a column's expand step, a table's view under the old name) is not offered (the rule says why).</summary>
public static class RenameNoFix
{
    public const string OnUnknownDatabase = "; no fix is offered: the target database is unknown, so the triggers that keep both columns in step have no dialect (set migration_analyzers.target_database)";

    public const string OnSqlite = "; no fix is offered: SQLite triggers cannot fill the old NOT NULL column for inserts from the new model, so no expand step keeps both versions working; an embedded database is upgraded with the application stopped (migration_analyzers.deployment = single_instance)";

    public const string ColumnNotInHistory = "; no fix is offered: the old column's definition is not found in the migration history, so the new column's type is unknown";

    public const string TableOnUnknownDatabase = "; no fix is offered: the target database is unknown, so the view that keeps the old table name has no dialect (set migration_analyzers.target_database)";

    public const string TableOnSqlite = "; no fix is offered: SQLite views are read-only, so a view under the old name would not take the old version's writes; an embedded database is upgraded with the application stopped (migration_analyzers.deployment = single_instance)";

    public const string TableSchemaWithoutNewSchema = "; no fix is offered: the rename gives a schema but no newSchema, and where the table then lands depends on the EF Core version and provider (the same schema or the default one), so the view under the old name would not know which table to read";

    public static string TableNameUsedAgain(string migration) => $"; no fix is offered: the old name is used again by a later migration ({migration}), where the view under the old name would stand in the way";

    public static string TableChangedLater(string migration, string table) => $"; no fix is offered: a later migration ({migration}) drops, renames or alters '{table}' or its columns, which PostgreSQL refuses while a view reads them and which leaves the view broken elsewhere; the view would have to be dropped first";

    public const string NoRoomAfter = "; no fix is offered: another migration of this history runs right after this one, so the new migrations the fix writes could not run directly after it";
}
