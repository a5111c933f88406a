using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Caching;

namespace MigrationAnalyzers.Tests.Caching;

/// <summary>
/// Files are searched a chunk at a time: a word is found wherever it lies, across a chunk's end too, in a text read
/// from a file as the compiler reads a large one, and what precedes it is there to look at.
/// </summary>
public class TextSearchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024 - 8)]
    [InlineData(16 * 1024 - 4)]
    [InlineData(16 * 1024 - 1)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 3)]
    [InlineData(3 * 16 * 1024 - 20)]
    [InlineData(3 * 16 * 1024 - 5)]
    [InlineData(100_000)]
    public void A_word_is_found_wherever_it_lies(int at)
    {
        var text = Text(new string(' ', at) + "Obsolete" + new string(' ', 50_000));
        Assert.True(TextSearch.Contains(text, "Obsolete"));
        Assert.False(TextSearch.Contains(text, "Migration"));
    }

    [Theory]
    [InlineData(16 * 1024 - 12)]
    [InlineData(16 * 1024 - 7)]
    [InlineData(16 * 1024 - 3)]
    [InlineData(16 * 1024 + 5)]
    [InlineData(2 * 16 * 1024 - 15)]
    public void What_precedes_a_word_is_seen_across_a_chunk_end(int at)
    {
        var hit = Text(new string('x', at) + "o.SetPostgresVersion(15, 0);" + new string('x', 40_000));
        var miss = Text(new string('x', at) + "o.SetPostgreSVersion(15, 0);" + new string('x', 40_000));
        Assert.True(TextSearch.Any(hit, "Version", "SetPostgres".Length, (buffer, found) => TextSearch.Precedes(buffer, found, "SetPostgres")));
        Assert.False(TextSearch.Any(miss, "Version", "SetPostgres".Length, (buffer, found) => TextSearch.Precedes(buffer, found, "SetPostgres")));
    }

    [Fact]
    public void Every_occurrence_is_offered_until_one_is_accepted()
    {
        var text = Text(string.Join(" ", Enumerable.Range(0, 20_000).Select(i => "Version" + i)) + " ServerVersion");
        var offered = 0;
        Assert.True(TextSearch.Any(text, "Version", "Server".Length, (buffer, found) =>
        {
            offered++;
            return TextSearch.Precedes(buffer, found, "Server");
        }));
        Assert.Equal(20_001, offered);
    }

    [Fact]
    public void A_word_at_the_very_start_has_nothing_before_it()
    {
        Assert.False(TextSearch.Any(SourceText.From("Version"), "Version", 6, (buffer, found) => TextSearch.Precedes(buffer, found, "Server")));
        Assert.True(TextSearch.Contains(SourceText.From("Version"), "Version"));
        Assert.False(TextSearch.Contains(SourceText.From("Versio"), "Version"));
        Assert.False(TextSearch.Contains(SourceText.From(string.Empty), "Version"));
    }

    /// <summary>Read from a stream, as the compiler reads a file: over 40,000 characters, a text of chunks.</summary>
    private static SourceText Text(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return SourceText.From(stream, Encoding.UTF8);
    }
}
