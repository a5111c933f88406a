using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.CodeFixes.Infrastructure;

/// <summary>How a file is laid out, so that code a fix writes looks like its neighbours.</summary>
internal static class SourceLayout
{
    /// <summary>The file's line ending: CRLF when it has any, else LF.</summary>
    public static string EndOfLine(string text) => text.Contains("\r\n") ? "\r\n" : "\n";

    /// <summary>The whitespace that starts the line holding <paramref name="position"/>.</summary>
    public static string IndentationAt(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position).ToString();
        return line.Substring(0, line.Length - line.TrimStart().Length);
    }
}
