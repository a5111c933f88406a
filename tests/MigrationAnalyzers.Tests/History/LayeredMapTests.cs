using System;
using System.Linq;
using MigrationAnalyzers.History;

namespace MigrationAnalyzers.Tests.History;

/// <summary>
/// The map the replayed schema keeps its tables in: a copy shares the base and carries the changes since it, so
/// changes to a copy or to the original never show in the other, removed entries stay removed across copies, and
/// compacting a map leaves every answer, and the order of its values, as it was.
/// </summary>
public class LayeredMapTests
{
    [Fact]
    public void A_copy_and_its_original_change_apart()
    {
        var original = new LayeredMap<string>(StringComparer.OrdinalIgnoreCase);
        original.Set("users", "Users v1");
        original.Set("orders", "Orders v1");

        var copy = original.Clone();
        copy.Set("USERS", "Users v2");
        copy.Remove("orders");
        copy.Set("items", "Items v1");
        original.Set("audit", "Audit v1");

        Assert.Equal(new[] { "Users v1", "Orders v1", "Audit v1" }, original.Values);
        Assert.Equal(new[] { "Users v2", "Items v1" }, copy.Values);
        Assert.False(copy.TryGetValue("Orders", out _));
        Assert.True(original.TryGetValue("Orders", out var orders));
        Assert.Equal("Orders v1", orders);
        Assert.False(copy.TryGetValue("audit", out _));
    }

    [Fact]
    public void A_removed_entry_stays_removed_in_copies_of_the_copy_and_can_come_back()
    {
        var map = new LayeredMap<string>(StringComparer.Ordinal);
        map.Set("a", "A");
        var copy = map.Clone();
        copy.Remove("a");
        var copyOfCopy = copy.Clone();
        Assert.False(copyOfCopy.TryGetValue("a", out _));

        copyOfCopy.Set("a", "A again");
        Assert.True(copyOfCopy.TryGetValue("a", out var again));
        Assert.Equal("A again", again);
        Assert.False(copy.TryGetValue("a", out _));
    }

    [Fact]
    public void Compacting_keeps_every_answer_and_the_order_of_the_values()
    {
        var map = new LayeredMap<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10; i++)
        {
            map.Set("t" + i, "T" + i);
        }

        var layered = map.Clone();
        for (var i = 0; i < LayeredMap<string>.MaxChanges + 5; i++)
        {
            layered.Set("n" + i, "N" + i);
        }

        layered.Remove("t3");
        layered.Set("t5", "T5 changed");
        layered.Remove("n7");
        var before = layered.Values.ToList();
        var keptCopy = layered.Clone();

        layered.Compact();

        Assert.Equal(before, layered.Values);
        Assert.Equal(before, keptCopy.Values);
        Assert.False(layered.TryGetValue("t3", out _));
        Assert.False(layered.TryGetValue("n7", out _));
        Assert.True(layered.TryGetValue("t5", out var changed));
        Assert.Equal("T5 changed", changed);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "T" + i), map.Values);
    }
}
