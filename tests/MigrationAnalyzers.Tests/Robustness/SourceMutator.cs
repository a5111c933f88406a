using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>
/// Seeded, bounded random edits of the kind an analyzer meets on every keystroke: files cut short, tokens deleted,
/// braces unbalanced, stray tokens typed in the middle of a call.
/// </summary>
public sealed class SourceMutator
{
    /// <summary>Tokens people type half-way: each one leaves a call, a lambda or a string unfinished.</summary>
    private static readonly string[] StrayTokens =
    {
        "(", ")", "{", "}", ",", ";", "=>", ".", "new", "null", "default", "\"", "$\"", "@\"", "\"\"\"", "/*", "#if DEBUG\n", "#endregion\n",
        "table.", "migrationBuilder.", "Create.", "x => x.", "typeof(", "nameof(", "[Migration(", "<int>", "?", "!", ":", "base.", "throw",
    };

    private readonly Random _random;

    public SourceMutator(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary><paramref name="count"/> edited copies of <paramref name="unit"/>; the edit falls on its first file, or another one now and then.</summary>
    public IEnumerable<(string Edit, FuzzUnit Unit)> Mutate(FuzzUnit unit, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var index = unit.Files.Length > 1 && _random.Next(4) == 0 ? _random.Next(unit.Files.Length) : 0;
            var text = unit.Files[index].Text;
            var (edit, edited) = (i % 5) switch
            {
                0 => Truncate(text),
                1 => DeleteTokens(text, 1 + _random.Next(i % 3 == 0 ? 8 : 2)),
                2 => UnbalanceBraces(text),
                3 => InsertStrayToken(text),
                _ => _random.Next(2) == 0 ? Truncate(text) : DeleteTokens(text, 1),
            };
            yield return ($"{edit} in {unit.Files[index].Path}", unit.WithFile(index, edited));
        }
    }

    /// <summary>Cut points spread over the whole file, from a few characters to almost all of it.</summary>
    public IEnumerable<(string Edit, FuzzUnit Unit)> TruncateEverywhere(FuzzUnit unit, int points)
    {
        var text = unit.Files[0].Text;
        for (var i = 1; i <= points; i++)
        {
            var at = (int)((long)text.Length * i / (points + 1)) + _random.Next(-5, 6);
            at = Math.Clamp(at, 0, text.Length);
            yield return ($"cut at {at} of {text.Length} in {unit.Files[0].Path}", unit.WithFile(0, text[..at]));
        }
    }

    private (string, string) Truncate(string text)
    {
        var at = _random.Next(text.Length + 1);
        return ($"cut at {at}", text[..at]);
    }

    private (string, string) DeleteTokens(string text, int count)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return ("nothing to delete", text);
        }

        var spans = Enumerable.Range(0, count).Select(_ => tokens[_random.Next(tokens.Count)].Span).Distinct().OrderByDescending(s => s.Start).ToList();
        foreach (var span in spans)
        {
            text = text.Remove(span.Start, span.Length);
        }

        return ($"{spans.Count} tokens deleted at {string.Join(",", spans.Select(s => s.Start))}", text);
    }

    private (string, string) UnbalanceBraces(string text)
    {
        var braces = Enumerable.Range(0, text.Length).Where(i => text[i] is '{' or '}' or '(' or ')').ToList();
        if (braces.Count == 0 || _random.Next(3) == 0)
        {
            var at = _random.Next(text.Length + 1);
            var brace = _random.Next(2) == 0 ? "{" : "}";
            return ($"'{brace}' inserted at {at}", text.Insert(at, brace));
        }

        var remove = braces[_random.Next(braces.Count)];
        return ($"'{text[remove]}' deleted at {remove}", text.Remove(remove, 1));
    }

    private (string, string) InsertStrayToken(string text)
    {
        var tokens = Tokens(text);
        var at = tokens.Count == 0 ? 0 : tokens[_random.Next(tokens.Count)].SpanStart;
        var stray = StrayTokens[_random.Next(StrayTokens.Length)];
        return ($"'{stray.Trim()}' inserted at {at}", text.Insert(at, stray));
    }

    private static List<SyntaxToken> Tokens(string text)
        => CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
}
