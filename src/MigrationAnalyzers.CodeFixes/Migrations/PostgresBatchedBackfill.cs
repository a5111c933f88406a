using System.Collections.Generic;
using System.Linq;
using System.Text;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// A PostgreSQL backfill that commits every <see cref="BatchSize"/> rows, walking each table by its primary key: one
/// <c>DO</c> block that must run outside the migration's transaction (its <c>COMMIT</c>s need that). A single
/// <c>UPDATE</c> of a big table holds every row it touched locked until it ends and leaves one dead version of each row
/// for VACUUM at once; batches keep both small, and a backfill stopped half-way is resumed by running it again (it only
/// fills rows that are still NULL).
/// </summary>
internal static class PostgresBatchedBackfill
{
    public const int BatchSize = 10000;

    /// <summary>One column to fill: where it is and the SQL expression each existing row gets.</summary>
    internal sealed class Column
    {
        public Column(string? schema, string table, string name, string value)
        {
            Schema = schema;
            Table = table;
            Name = name;
            Value = value;
        }

        public string? Schema { get; }

        public string Table { get; }

        public string Name { get; }

        public string Value { get; }
    }

    /// <summary>
    /// The <c>DO</c> block that fills every column, or null when a table has no single-column primary key in the
    /// schema before <paramref name="migration"/> (walking a table without one would need a full scan per batch).
    /// </summary>
    public static string? Sql(MigrationInfo migration, MigrationCatalog catalog, IReadOnlyList<Column> columns, string lineBreak)
    {
        var before = SchemaTimeline.Before(migration, catalog);
        var keys = new List<string>();
        foreach (var column in columns)
        {
            if (before.FindTable(column.Schema, column.Table) is not { } table
                || PrimaryKeyColumns(table) is not { Count: 1 } keyColumns
                || string.Equals(keyColumns[0], column.Name, System.StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            keys.Add(keyColumns[0]);
        }

        const DatabaseProvider postgres = DatabaseProvider.PostgreSql;
        var sql = new StringBuilder();
        void Line(string text) => sql.Append(text).Append(lineBreak);

        Line("DO $$");
        Line("DECLARE");
        for (var index = 0; index < columns.Count; index++)
        {
            var keyType = $"{SqlText.Table(columns[index].Schema, columns[index].Table, postgres)}.{SqlText.Name(keys[index], postgres)}%TYPE";
            Line($"    batch_start_{index + 1} {keyType};");
            Line($"    batch_end_{index + 1} {keyType};");
        }

        Line("BEGIN");
        for (var index = 0; index < columns.Count; index++)
        {
            var column = columns[index];
            var table = SqlText.Table(column.Schema, column.Table, postgres);
            var key = SqlText.Name(keys[index], postgres);
            var name = SqlText.Name(column.Name, postgres);
            var start = $"batch_start_{index + 1}";
            var end = $"batch_end_{index + 1}";
            Line($"    SELECT min({key}) INTO {start} FROM {table};");
            Line($"    WHILE {start} IS NOT NULL LOOP");
            Line($"        SELECT max({key}) INTO {end} FROM (SELECT {key} FROM {table} WHERE {key} >= {start} ORDER BY {key} LIMIT {BatchSize}) AS batch;");
            Line($"        UPDATE {table} SET {name} = {column.Value} WHERE {key} BETWEEN {start} AND {end} AND {name} IS NULL;");
            Line("        COMMIT;");
            Line($"        SELECT min({key}) INTO {start} FROM {table} WHERE {key} > {end};");
            Line("    END LOOP;");
        }

        sql.Append("END $$;");
        return sql.ToString();
    }

    /// <summary>
    /// The primary key's columns: a key constraint (EF Core's <c>table.PrimaryKey</c>, <c>AddPrimaryKey</c>,
    /// FluentMigrator's <c>Create.PrimaryKey</c>), else the columns declared <c>.PrimaryKey()</c> in FluentMigrator's
    /// column chain. Null when neither says, or both do and disagree.
    /// </summary>
    private static IReadOnlyList<string>? PrimaryKeyColumns(TableState table)
    {
        var constraints = table.Keys.Where(key => key.Kind == MigrationOperationKind.AddPrimaryKey).ToList();
        var declared = table.Columns.Where(column => column.Definition.FindCall("PrimaryKey") is not null).Select(column => column.Name).ToList();
        return constraints.Count switch
        {
            0 => declared.Count > 0 ? declared : null,
            1 when declared.Count == 0 => constraints[0].Columns,
            _ => null,
        };
    }
}
