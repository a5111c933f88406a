using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Reversal;

namespace MigrationAnalyzers.CodeFixes.Reversal;

/// <summary>
/// Writes planned Down statements into a migration file in the file's own style: its indentation and line breaks,
/// Up's modifiers and parameter name, <c>/// &lt;inheritdoc /&gt;</c> when Up has it, blank lines between statements
/// when Up has them. Edits are text changes, so everything else in the file stays byte for byte.
/// </summary>
internal static class DownMethodWriter
{
    /// <summary>
    /// Replaces an empty or throwing Down, or adds Down after Up. Returns null when the result would not compile,
    /// so the fix is not offered rather than leaving broken code.
    /// </summary>
    /// <param name="alsoChange">Other edits of the same file made in the same step (MIG1003 changes the base class).</param>
    public static async Task<Document?> WriteDownAsync(Document document, MigrationInfo migration, InversePlan plan, CancellationToken cancellationToken, TextChange? alsoChange = null)
    {
        // Up inherited from a base class (a template method calls the migration's overrides): Down can only replace the
        // migration's own Down, never be added next to the base class's Up.
        var ownDown = migration.Down.Declaration is not null && !migration.Down.IsInheritedBy(migration.Symbol);
        var anchor = !migration.Up.IsInheritedBy(migration.Symbol) ? migration.Up.Declaration
            : ownDown ? migration.Down.Declaration
            : null;
        if (!plan.IsComplete || anchor is null || anchor.SyntaxTree.FilePath != document.FilePath)
        {
            return null;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var style = FileStyle.Of(text, anchor, migration.Framework);
        var change = ownDown && migration.Down.Declaration is { } down && down.SyntaxTree == anchor.SyntaxTree
            ? ReplaceBody(down, plan, style)
            : new TextChange(new TextSpan(anchor.FullSpan.End, 0), style.Eol + NewDown(anchor, plan, style) + style.Eol);

        var changes = alsoChange is { } other ? new[] { other, change }.OrderBy(c => c.Span.Start) : new[] { change }.AsEnumerable();
        return await CheckedAsync(document, text.WithChanges(changes), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds statements to an existing Down (they undo Up operations Down forgot): after <paramref name="after"/>, one of
    /// Down's statements, or at Down's start when it is null.
    /// </summary>
    public static async Task<Document?> InsertIntoDownAsync(Document document, MigrationInfo migration, InversePlan plan, StatementSyntax? after, CancellationToken cancellationToken)
    {
        if (!plan.IsComplete || plan.Statements.IsEmpty || migration.Up.Declaration is not { } up
            || migration.Down.Declaration is not { Body: { } body } || body.SyntaxTree.FilePath != document.FilePath
            || migration.Down.IsInheritedBy(migration.Symbol)
            || (after is not null && after.Parent != body))
        {
            return null;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var style = FileStyle.Of(text, up, migration.Framework);
        string inserted;
        TextLine line;
        if (after is null)
        {
            inserted = Statements(plan, style) + (body.Statements.Count > 0 && style.BlankLines ? style.Eol : string.Empty);
            line = text.Lines.GetLineFromPosition(body.OpenBraceToken.Span.End);
        }
        else
        {
            inserted = (style.BlankLines ? style.Eol : string.Empty) + Statements(plan, style);
            line = text.Lines.GetLineFromPosition(after.Span.End);
        }

        var change = new TextChange(new TextSpan(line.EndIncludingLineBreak, 0), inserted);
        return await CheckedAsync(document, text.WithChanges(change), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text of a new Down method placed after Up.</summary>
    public static string NewDown(MethodDeclarationSyntax up, InversePlan plan, FileStyle style)
    {
        var builder = new StringBuilder();
        if (up.GetLeadingTrivia().ToFullString().Contains("<inheritdoc"))
        {
            builder.Append(style.MemberIndent).Append("/// <inheritdoc />").Append(style.Eol);
        }

        builder.Append(style.MemberIndent).Append(up.Modifiers.ToString()).Append(' ').Append(up.ReturnType).Append(" Down").Append(up.ParameterList).Append(style.Eol);
        builder.Append(style.MemberIndent).Append('{').Append(style.Eol);
        builder.Append(Statements(plan, style));
        builder.Append(style.MemberIndent).Append('}');
        return builder.ToString();
    }

    /// <summary>Each statement at the body's indentation, ending with a line break.</summary>
    public static string Statements(InversePlan plan, FileStyle style)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < plan.Statements.Length; i++)
        {
            if (i > 0 && style.BlankLines)
            {
                builder.Append(style.Eol);
            }

            var lines = plan.Statements[i].Text.Split('\n');
            for (var j = 0; j < lines.Length; j++)
            {
                builder.Append(style.StatementIndent).Append(style.Reindent(lines[j]));
                builder.Append(j == lines.Length - 1 ? ";" : string.Empty).Append(style.Eol);
            }
        }

        return builder.ToString();
    }

    /// <summary>Down's body becomes the statements; comments that were in it stay, <c>throw</c>s go.</summary>
    private static TextChange ReplaceBody(MethodDeclarationSyntax down, InversePlan plan, FileStyle style)
    {
        var kept = new StringBuilder();
        if (down.Body is { } body)
        {
            foreach (var trivia in body.DescendantTrivia(body.Span).Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
            {
                if (!body.Statements.Any(s => s.Span.Contains(trivia.Span)))
                {
                    kept.Append(style.StatementIndent).Append(trivia.ToString()).Append(style.Eol);
                }
            }
        }

        var newBody = style.Eol + style.MemberIndent + "{" + style.Eol + kept + Statements(plan, style) + style.MemberIndent + "}";
        return new TextChange(TextSpan.FromBounds(down.ParameterList.Span.End, down.Span.End), newBody);
    }

    private static async Task<Document?> CheckedAsync(Document document, SourceText newText, CancellationToken cancellationToken)
    {
        var changed = document.WithText(newText);
        var before = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var after = await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (before is null || after is null)
        {
            return null;
        }

        var errorsBefore = before.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        var errorsAfter = after.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        return errorsAfter > errorsBefore ? null : changed;
    }
}

/// <summary>How a migration file is written: line breaks and indentation, read from Up.</summary>
internal sealed class FileStyle
{
    private FileStyle(string eol, string memberIndent, string statementIndent, string unit, bool blankLines)
    {
        Eol = eol;
        MemberIndent = memberIndent;
        StatementIndent = statementIndent;
        Unit = unit;
        BlankLines = blankLines;
    }

    public string Eol { get; }

    public string MemberIndent { get; }

    public string StatementIndent { get; }

    /// <summary>One level of indentation: four spaces, two spaces or a tab.</summary>
    public string Unit { get; }

    /// <summary>Statements are separated by blank lines (EF Core's scaffolder does this).</summary>
    public bool BlankLines { get; }

    public static FileStyle Of(SourceText text, MethodDeclarationSyntax up, MigrationFramework framework)
    {
        var full = text.ToString();
        var eol = SourceLayout.EndOfLine(full);
        var memberIndent = SourceLayout.IndentationAt(text, up.SpanStart);
        var statements = up.Body?.Statements ?? default;
        var statementIndent = statements.Count > 0 ? SourceLayout.IndentationAt(text, statements[0].SpanStart) : memberIndent + (memberIndent.StartsWith("\t", StringComparison.Ordinal) ? "\t" : "    ");
        var unit = statementIndent.Length > memberIndent.Length && statementIndent.StartsWith(memberIndent, StringComparison.Ordinal)
            ? statementIndent.Substring(memberIndent.Length)
            : "    ";
        var blankLines = statements.Count > 1
            ? statements.Skip(1).Any(s => s.GetLeadingTrivia().Count(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) > 0)
            : framework == MigrationFramework.EntityFrameworkCore;
        return new FileStyle(eol, memberIndent, statementIndent, unit, blankLines);
    }

    /// <summary>Four-space levels of a planned line, in this file's unit.</summary>
    public string Reindent(string line)
    {
        var spaces = line.Length - line.TrimStart(' ').Length;
        if (Unit == "    " || spaces == 0)
        {
            return line;
        }

        var levels = spaces / 4;
        return string.Concat(Enumerable.Repeat(Unit, levels)) + new string(' ', spaces % 4) + line.Substring(spaces);
    }
}
