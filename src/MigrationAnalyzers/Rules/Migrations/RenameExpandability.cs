using System.Collections.Generic;
using System.Linq;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// Whether MIG1040's expand step can be written for a column rename (a table rename asks <see cref="TableRenameViewability"/>), decided once for the rule (which says in its message why
/// no fix is offered) and for the fix (which then declines): both read the same history and the same target database.
/// </summary>
internal static class RenameExpandability
{
    /// <summary>Null when the expand step can be written; otherwise why not, in words for the diagnostic.</summary>
    public static string? WhyNoFix(TargetDatabase target, MigrationCatalog catalog, MigrationInfo migration, UpTimeline timeline, MigrationOperation rename)
    {
        if (rename.Kind == MigrationOperationKind.RenameTable)
        {
            return TableRenameViewability.WhyNoFix(target, catalog, migration, rename);
        }

        switch (target.Provider)
        {
            case DatabaseProvider.Unknown:
                return "the target database is unknown, so the triggers that keep both columns in step have no dialect (set migration_analyzers.target_database)";
            case DatabaseProvider.Sqlite:
                // SQLite triggers cannot assign NEW values, so the new model's inserts that omit the old NOT NULL column
                // fail before any trigger runs; making it nullable means a table rebuild that drops the triggers again.
                return "SQLite triggers cannot fill the old NOT NULL column for inserts from the new model, so no expand step keeps both versions working; an embedded database is upgraded with the application stopped (migration_analyzers.deployment = single_instance)";
        }

        if (timeline.ColumnBefore(rename)?.Definition is not { } column || (column.ClrTypeSyntax is null && column.FluentType is null))
        {
            return "the old column's definition is not found in the migration history, so the new column's type is unknown";
        }

        if (column.GetArgument("computedColumnSql") is { IsNull: false } || column.FindCall("Computed") is not null)
        {
            return "the old column is computed, not a plain table column that triggers can copy";
        }

        if (target.Is(DatabaseProvider.SqlServer) && (timeline.TableBefore(rename) is not { } table || PrimaryKeyOf(table) is null))
        {
            return "the table's primary key is not found in the migration history, and the SQL Server trigger that keeps both columns in step joins on it";
        }

        // The expand step writes two migrations (the triggers, then the copy) that must run directly after this one.
        return FollowingPositions.After(catalog, migration, 2) is null ? FollowingPositions.NoRoom : null;
    }

    /// <summary>The primary key columns from the history (a key constraint, or FluentMigrator's <c>PrimaryKey()</c> on columns); null when unknown.</summary>
    public static IReadOnlyList<string>? PrimaryKeyOf(TableState table)
    {
        if (table.Keys.FirstOrDefault(key => key.Kind == MigrationOperationKind.AddPrimaryKey) is { Columns.Count: > 0 } key)
        {
            return key.Columns;
        }

        var columns = table.Columns.Where(column => column.Definition.FindCall("PrimaryKey") is not null).Select(column => column.Name).ToList();
        return columns.Count > 0 ? columns : null;
    }
}
