using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

public enum DestructiveStatementKind
{
    DropTable,
    DropColumn,
    Truncate,
    DeleteAll,
    UpdateAll,
}

/// <summary>One statement of raw SQL that destroys data, with the names it touches as written (quotes removed).</summary>
/// <param name="Kind">What the statement does.</param>
/// <param name="Table">The table as written, schema-qualified when the SQL qualifies it (<c>sales.Orders</c>).</param>
/// <param name="Column">DROP COLUMN: the column.</param>
/// <param name="AssignedColumns">UPDATE: the columns its SET list assigns.</param>
public sealed record DestructiveStatement(DestructiveStatementKind Kind, string Table, string? Column = null, ImmutableArray<string> AssignedColumns = default)
{
    /// <summary>UPDATE: the columns its SET list assigns; empty for other statements.</summary>
    public ImmutableArray<string> AssignedColumns { get; } = AssignedColumns.IsDefault ? ImmutableArray<string>.Empty : AssignedColumns;

    /// <summary>The last part of <see cref="Table"/>: the table name without its schema.</summary>
    public string TableName => Table.Substring(Table.LastIndexOf('.') + 1);

    public string Describe() => Kind switch
    {
        DestructiveStatementKind.DropTable => "drops table '" + Table + "'",
        DestructiveStatementKind.DropColumn => "drops column '" + Table + "." + Column + "'",
        DestructiveStatementKind.Truncate => "empties table '" + Table + "' (TRUNCATE)",
        DestructiveStatementKind.DeleteAll => "deletes every row of '" + Table + "' (DELETE without WHERE)",
        _ => "overwrites every row of '" + Table + "' (UPDATE without WHERE)",
    };

    public override string ToString() => Describe();
}
