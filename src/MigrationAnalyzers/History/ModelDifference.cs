using System.Collections.Generic;

using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.History;

/// <summary>
/// One way two EF Core models (a snapshot and a Designer model) disagree: a table or a column mapped by one and not the
/// other, or a column both map whose NULL-ability they both state and state differently. Compared as
/// <see cref="TargetModel"/> reads them, so two models written by EF Core from one model never differ.
/// </summary>
internal sealed class ModelDifference
{
    private ModelDifference(string? schema, string table, string? column, DifferenceKind kind)
    {
        Schema = schema;
        Table = table;
        Column = column;
        Kind = kind;
    }

    public string? Schema { get; }

    public string Table { get; }

    /// <summary>Null for a difference of a whole table.</summary>
    public string? Column { get; }

    public DifferenceKind Kind { get; }

    /// <summary>What <paramref name="model"/> says of this table or column: mapped or not, or whether it allows NULL.</summary>
    public int StateIn(TargetModel? model)
    {
        var table = model?.FindTable(Schema, Table);
        if (Kind == DifferenceKind.Nullability)
        {
            return table is null || !table.HasColumn(Column!) ? -1 : table.IsNullable(Column!) switch { true => 1, false => 0, null => 2 };
        }

        return table is not null && (Column is null || table.HasColumn(Column)) ? 1 : 0;
    }

    /// <summary>Every difference between <paramref name="first"/> and <paramref name="second"/>, tables first, in declaration order.</summary>
    public static List<ModelDifference> Between(TargetModel first, TargetModel second)
    {
        var differences = new List<ModelDifference>();
        AddMissing(first, second, DifferenceKind.OnlyInFirst, differences);
        AddMissing(second, first, DifferenceKind.OnlyInSecond, differences);
        foreach (var table in first.Tables)
        {
            if (second.FindTable(table.Schema, table.Name) is not { } other)
            {
                continue;
            }

            foreach (var column in table.Columns)
            {
                if (other.HasColumn(column)
                    && table.IsNullable(column) is { } nullable
                    && other.IsNullable(column) is { } otherNullable
                    && nullable != otherNullable)
                {
                    differences.Add(new ModelDifference(table.Schema, table.Name, column, DifferenceKind.Nullability));
                }
            }
        }

        return differences;
    }

    /// <summary>
    /// The tables <paramref name="first"/> maps and <paramref name="second"/> does not, and the columns of the tables both
    /// map that only <paramref name="first"/> has: <see cref="Between"/>'s first part alone, for callers that walk a whole
    /// history of models and need nothing else.
    /// </summary>
    public static List<ModelDifference> OnlyIn(TargetModel first, TargetModel second)
    {
        var differences = new List<ModelDifference>();
        AddMissing(first, second, DifferenceKind.OnlyInFirst, differences);
        return differences;
    }

    /// <summary><c>table 'Orders'</c> or <c>column 'Orders.Number'</c>, as messages show it.</summary>
    public string Display()
        => Column is null
            ? "table '" + TableName.Display(Schema, Table) + "'"
            : "column '" + TableName.Display(Schema, Table) + "." + Column + "'";

    private static void AddMissing(TargetModel from, TargetModel to, DifferenceKind kind, List<ModelDifference> differences)
    {
        foreach (var table in from.Tables)
        {
            if (to.FindTable(table.Schema, table.Name) is not { } other)
            {
                differences.Add(new ModelDifference(table.Schema, table.Name, null, kind));
                continue;
            }

            foreach (var column in table.Columns)
            {
                if (!other.HasColumn(column))
                {
                    differences.Add(new ModelDifference(table.Schema, table.Name, column, kind));
                }
            }
        }
    }
}

internal enum DifferenceKind
{
    /// <summary>Mapped by the first model only.</summary>
    OnlyInFirst,

    /// <summary>Mapped by the second model only.</summary>
    OnlyInSecond,

    /// <summary>Mapped by both; one allows NULL, the other does not.</summary>
    Nullability,
}
