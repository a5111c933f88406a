using System;
using System.Collections.Generic;
using MigrationAnalyzers.History;

namespace MigrationAnalyzers.Tests.History;

/// <summary>
/// What a Designer model says of a table's columns when several entities share it (TPH, table splitting, owned types):
/// a column a separate mapping adds says nothing until an entity says, two entities that agree keep what they say, two
/// that disagree, or one that does not say (a derived type in TPH), leave it unknown for good; a copy changes apart.
/// </summary>
public class MappedTableTests
{
    [Fact]
    public void Entities_sharing_a_table_decide_each_column_together()
    {
        var table = MappedTable.Of(null, "People", Columns(("Id", false), ("Name", true), ("Email", true)), saysNullability: true);
        table.AddColumns(new[] { "Street" });
        Assert.True(table.HasColumn("street"));
        Assert.Null(table.IsNullable("Street"));

        table.AddNullability(Columns(("Street", true), ("Name", true), ("Email", false)), saysNullability: true);
        Assert.True(table.IsNullable("Street"));
        Assert.True(table.IsNullable("Name"));
        Assert.Null(table.IsNullable("Email"));

        // A derived type's columns allow NULL in a TPH table whatever it says: it says nothing, and the column becomes unknown.
        table.AddNullability(Columns(("Id", false)), saysNullability: false);
        Assert.Null(table.IsNullable("Id"));
        table.AddNullability(Columns(("Email", false)), saysNullability: true);
        Assert.Null(table.IsNullable("Email"));

        Assert.False(table.HasColumn("Phone"));
        Assert.Null(table.IsNullable("Phone"));
        Assert.Equal(new[] { "Id", "Name", "Email", "Street" }, table.Columns);
    }

    [Fact]
    public void A_copy_changes_apart_from_its_original()
    {
        var original = MappedTable.Of("sales", "Orders", Columns(("Id", false)), saysNullability: true);
        var copy = original.Copy();
        copy.AddNullability(Columns(("Id", true), ("Total", false)), saysNullability: true);

        Assert.False(original.IsNullable("Id"));
        Assert.False(original.HasColumn("Total"));
        Assert.Null(copy.IsNullable("Id"));
        Assert.False(copy.IsNullable("Total"));
    }

    private static Dictionary<string, bool?> Columns(params (string Name, bool? AllowsNull)[] columns)
    {
        var result = new Dictionary<string, bool?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, allowsNull) in columns)
        {
            result[name] = allowsNull;
        }

        return result;
    }
}
