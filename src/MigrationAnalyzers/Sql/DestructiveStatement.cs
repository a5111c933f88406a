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
public sealed class DestructiveStatement
{
    public DestructiveStatement(DestructiveStatementKind kind, string table, string? column = null, ImmutableArray<string> assignedColumns = default)
    {
        Kind = kind;
        Table = table;
        Column = column;
        AssignedColumns = assignedColumns.IsDefault ? ImmutableArray<string>.Empty : assignedColumns;
    }

    public DestructiveStatementKind Kind { get; }

    /// <summary>The table as written, schema-qualified when the SQL qualifies it (<c>sales.Orders</c>).</summary>
    public string Table { get; }

    public string? Column { get; }

    /// <summary>UPDATE: the columns its SET list assigns.</summary>
    public ImmutableArray<string> AssignedColumns { get; }

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
