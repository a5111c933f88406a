using System;

namespace MigrationAnalyzers.RulePacks;

/// <summary>What a <c>when</c> condition tests about a capture.</summary>
public enum RewriteConditionKind
{
    /// <summary>The argument is an interpolated string (<c>$"…"</c>).</summary>
    Interpolated,

    /// <summary>The argument is anything but an interpolated string.</summary>
    NotInterpolated,

    /// <summary>The argument is the literal <c>null</c> (or <c>default</c>).</summary>
    Null,

    /// <summary>The argument is present and not the literal <c>null</c>.</summary>
    NotNull,

    /// <summary>The argument is <c>typeof(T)</c> for the given type ID.</summary>
    TypeOf,

    /// <summary>The capture is absent (an optional argument that was not written).</summary>
    Missing,

    /// <summary>The argument names the given field (<c>F:Namespace.Type.Field</c>), typically an enum member.</summary>
    Field,

    /// <summary>
    /// The declaration the matched attribute sits on has exactly the given type (a reference ID such as
    /// <c>T:System.Collections.Generic.Dictionary{System.String,System.Object}</c>); the capture is written <c>{target}</c>.
    /// </summary>
    DeclaredType,
}

/// <summary>
/// <c>when {capture} is interpolated|not interpolated|null|not null|missing|typeof T:Type|F:Type.Field</c>, and
/// <c>when {target} is declared T:Type</c> for the member an attribute is on.
/// </summary>
public sealed class RewriteCondition
{
    private RewriteCondition(string capture, RewriteConditionKind kind, string? typeId)
    {
        Capture = capture;
        Kind = kind;
        TypeId = typeId;
    }

    /// <summary>The name <see cref="RewriteConditionKind.DeclaredType"/> conditions use for the attributed member.</summary>
    public const string TargetCapture = "target";

    /// <summary>The capture name without braces: <c>0</c>, <c>sql</c>, <c>receiver</c>.</summary>
    public string Capture { get; }

    public RewriteConditionKind Kind { get; }

    public string? TypeId { get; }

    public static RewriteCondition? Parse(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        var isAt = text.IndexOf(" is ", StringComparison.Ordinal);
        if (!text.StartsWith("{", StringComparison.Ordinal) || isAt < 0 || text[isAt - 1] != '}')
        {
            error = "expected 'when {capture} is …'";
            return null;
        }

        var capture = text.Substring(1, isAt - 2).Trim();
        var test = text.Substring(isAt + 4).Trim();
        switch (test)
        {
            case "interpolated": return new RewriteCondition(capture, RewriteConditionKind.Interpolated, null);
            case "not interpolated": return new RewriteCondition(capture, RewriteConditionKind.NotInterpolated, null);
            case "null": return new RewriteCondition(capture, RewriteConditionKind.Null, null);
            case "not null": return new RewriteCondition(capture, RewriteConditionKind.NotNull, null);
            case "missing": return new RewriteCondition(capture, RewriteConditionKind.Missing, null);
        }

        if (test.StartsWith("typeof T:", StringComparison.Ordinal))
        {
            return new RewriteCondition(capture, RewriteConditionKind.TypeOf, test.Substring(7));
        }

        if (test.StartsWith("F:", StringComparison.Ordinal) && test.Length > 2)
        {
            return new RewriteCondition(capture, RewriteConditionKind.Field, test);
        }

        if (test.StartsWith("declared T:", StringComparison.Ordinal))
        {
            if (capture != TargetCapture)
            {
                error = "'is declared T:Type' tests the attributed member, written {" + TargetCapture + "}";
                return null;
            }

            return new RewriteCondition(capture, RewriteConditionKind.DeclaredType, test.Substring("declared ".Length));
        }

        error = "unknown test '" + test + "'; expected interpolated, not interpolated, null, not null, missing, typeof T:Type, F:Type.Field or (for {target}) declared T:Type";
        return null;
    }
}
