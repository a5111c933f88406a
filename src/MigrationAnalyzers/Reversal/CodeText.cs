using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MigrationAnalyzers.Reversal;

/// <summary>Small text helpers for writing code: literals, and user code moved to another place with its relative indentation kept.</summary>
internal static class CodeText
{
    public const string Indent = "    ";

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// The node's text with line breaks normalised to <c>\n</c> and the indentation of its first line removed from
    /// the others, so a multi-line expression can be placed at another indentation and keep its shape.
    /// </summary>
    public static string Of(SyntaxNode node)
    {
        var text = node.ToString();
        if (text.IndexOf('\n') < 0)
        {
            return text;
        }

        var source = node.SyntaxTree.GetText();
        var line = source.Lines.GetLineFromPosition(node.SpanStart).ToString();
        var baseIndent = line.Substring(0, line.Length - line.TrimStart().Length);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var builder = new StringBuilder(lines[0]);
        for (var i = 1; i < lines.Length; i++)
        {
            builder.Append('\n');
            builder.Append(lines[i].StartsWith(baseIndent, StringComparison.Ordinal) ? lines[i].Substring(baseIndent.Length) : lines[i].TrimStart());
        }

        return builder.ToString();
    }

    /// <summary>Indents every line after the first by <paramref name="levels"/> levels.</summary>
    public static string IndentContinuation(string text, int levels)
    {
        if (text.IndexOf('\n') < 0 || levels == 0)
        {
            return text;
        }

        var prefix = Repeat(levels);
        return text.Replace("\n", "\n" + prefix);
    }

    public static string Repeat(int levels)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            builder.Append(Indent);
        }

        return builder.ToString();
    }

    /// <summary>
    /// <c>receiver.Method&lt;T&gt;(</c> and one named argument per line, the way EF Core's scaffolder writes calls.
    /// </summary>
    public static string NamedCall(string receiverAndMethod, IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        var builder = new StringBuilder(receiverAndMethod).Append('(');
        for (var i = 0; i < arguments.Count; i++)
        {
            builder.Append('\n').Append(Indent).Append(arguments[i].Key).Append(": ").Append(IndentContinuation(arguments[i].Value, 1));
            if (i < arguments.Count - 1)
            {
                builder.Append(',');
            }
        }

        return builder.Append(')').ToString();
    }

    /// <summary>True when <paramref name="name"/> can be written as a C# identifier (an anonymous type member).</summary>
    public static bool IsIdentifier(string name)
        => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;
}
