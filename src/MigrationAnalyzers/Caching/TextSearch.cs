using System;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.Caching;

/// <summary>
/// Searches a file's text for a word without making one string of it. The compiler reads a file of more than 40,000
/// characters (the Designer of a long history often is one) into a text of chunks, whose <c>ToString()</c> copies it
/// whole, onto the large object heap when it is big, and every file is searched by several rules. Here the text is
/// copied a chunk at a time into a buffer of the thread's own, keeping the end of each chunk for the next, so a word
/// across two chunks is found and what precedes a word can be looked at.
/// </summary>
internal static class TextSearch
{
    private const int ChunkLength = 16 * 1024;

    [ThreadStatic]
    private static char[]? _buffer;

    /// <summary>Whether <paramref name="text"/> holds <paramref name="word"/> (ordinal).</summary>
    public static bool Contains(SourceText text, string word) => Any(text, word, 0, static (_, _) => true);

    /// <summary>
    /// Whether <paramref name="text"/> holds <paramref name="word"/> where <paramref name="accept"/> says yes. It is
    /// given the buffer and the index of the word in it; the <paramref name="before"/> characters before the word are
    /// in the buffer too, unless the word is closer than that to the start of the text. It must not search itself.
    /// </summary>
    public static bool Any(SourceText text, string word, int before, Func<char[], int, bool> accept)
    {
        if (word.Length == 0 || text.Length < word.Length)
        {
            return false;
        }

        var keep = word.Length - 1 + before;
        var buffer = _buffer ??= new char[ChunkLength + 256];
        if (buffer.Length < ChunkLength + keep)
        {
            buffer = _buffer = new char[ChunkLength + keep];
        }

        // The text's position of buffer[0], how much of the buffer holds text, and where a word not yet seen may start.
        var position = 0;
        var filled = Math.Min(ChunkLength, text.Length);
        text.CopyTo(0, buffer, 0, filled);
        var searchFrom = 0;
        while (true)
        {
            var span = new ReadOnlySpan<char>(buffer, 0, filled);
            while (searchFrom <= filled - word.Length)
            {
                var found = span.Slice(searchFrom).IndexOf(word.AsSpan());
                if (found < 0)
                {
                    break;
                }

                if (accept(buffer, searchFrom + found))
                {
                    return true;
                }

                searchFrom += found + 1;
            }

            if (position + filled >= text.Length)
            {
                return false;
            }

            // Keep the last characters: a word that starts among them, and what comes before one that starts after them.
            var kept = Math.Min(keep, filled);
            Array.Copy(buffer, filled - kept, buffer, 0, kept);
            position += filled - kept;
            var count = Math.Min(ChunkLength, text.Length - position - kept);
            text.CopyTo(position + kept, buffer, kept, count);
            filled = kept + count;

            // A word starting before index kept - word.Length + 1 lay whole in the chunk before and was looked at there.
            searchFrom = Math.Max(0, kept - word.Length + 1);
        }
    }

    /// <summary>Whether the characters just before <paramref name="at"/> in <paramref name="buffer"/> are <paramref name="text"/>.</summary>
    public static bool Precedes(char[] buffer, int at, string text)
    {
        if (at < text.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (buffer[at - text.Length + i] != text[i])
            {
                return false;
            }
        }

        return true;
    }
}
