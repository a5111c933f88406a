using System;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// One <c>rewrite = [when CONDITION:] KIND ARGUMENT</c> line. The text is also what travels to the code fix
/// in the diagnostic's properties, so the fix never needs the pack itself.
/// </summary>
public sealed class RewriteSpec
{
    private RewriteSpec(string text, RewriteKind kind, string argument, RewriteCondition? condition)
    {
        Text = text;
        Kind = kind;
        Argument = argument;
        Condition = condition;
    }

    /// <summary>The line as written after <c>rewrite =</c>, condition included.</summary>
    public string Text { get; }

    public RewriteKind Kind { get; }

    /// <summary>Everything after the kind keyword: a name, a documentation ID or a template.</summary>
    public string Argument { get; }

    public RewriteCondition? Condition { get; }

    public static RewriteSpec? Parse(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        var body = text;
        RewriteCondition? condition = null;
        if (body.StartsWith("when ", StringComparison.Ordinal))
        {
            // "when {0} is interpolated: template …": the condition ends at the first ": ", which no template needs.
            var end = body.IndexOf(": ", StringComparison.Ordinal);
            if (end < 0)
            {
                error = "a 'when' condition ends with ': ' before the rewrite";
                return null;
            }

            condition = RewriteCondition.Parse(body.Substring(5, end - 5), out error);
            if (condition is null)
            {
                return null;
            }

            body = body.Substring(end + 2).Trim();
        }

        var space = body.IndexOf(' ');
        var keyword = space < 0 ? body : body.Substring(0, space);
        var argument = space < 0 ? string.Empty : body.Substring(space + 1).Trim();
        RewriteKind kind;
        switch (keyword)
        {
            case "none": kind = RewriteKind.None; break;
            case "rename": kind = RewriteKind.Rename; break;
            case "type": kind = RewriteKind.ChangeType; break;
            case "namespace": kind = RewriteKind.ChangeNamespace; break;
            case "move": kind = RewriteKind.MoveStatic; break;
            case "factory": kind = RewriteKind.Factory; break;
            case "arguments": kind = RewriteKind.Arguments; break;
            case "attribute": kind = RewriteKind.Attribute; break;
            case "template": kind = RewriteKind.Template; break;
            default:
                error = "unknown rewrite '" + keyword + "'; expected none, rename, type, namespace, move, factory, arguments, attribute or template";
                return null;
        }

        if (kind != RewriteKind.None && argument.Length == 0)
        {
            error = "rewrite '" + keyword + "' needs an argument";
            return null;
        }

        if (kind == RewriteKind.None && argument.Length > 0)
        {
            error = "rewrite 'none' takes no argument";
            return null;
        }

        if ((kind is RewriteKind.MoveStatic or RewriteKind.Factory) && argument.LastIndexOf('.') <= 0)
        {
            error = "expected Namespace.Type.Member";
            return null;
        }

        if ((kind is RewriteKind.ChangeType) && !argument.StartsWith("T:", StringComparison.Ordinal))
        {
            error = "expected a type ID such as T:Namespace.Type";
            return null;
        }

        if (kind == RewriteKind.Attribute && !argument.StartsWith("T:", StringComparison.Ordinal))
        {
            error = "expected an attribute type ID such as T:Namespace.NameAttribute, optionally followed by (arguments)";
            return null;
        }

        if (kind is RewriteKind.Template or RewriteKind.Arguments or RewriteKind.Attribute && !TemplateText.IsBalanced(argument, out var templateError))
        {
            error = templateError;
            return null;
        }

        return new RewriteSpec(text, kind, argument, condition);
    }

    /// <summary>For <see cref="RewriteKind.Attribute"/>: the attribute type ID without the argument template.</summary>
    public string AttributeTypeId
    {
        get
        {
            var open = Argument.IndexOf('(');
            return open < 0 ? Argument : Argument.Substring(0, open).Trim();
        }
    }

    /// <summary>For <see cref="RewriteKind.Attribute"/>: the argument template between the parentheses, or null when none.</summary>
    public string? AttributeArgumentTemplate
    {
        get
        {
            var open = Argument.IndexOf('(');
            return open < 0 ? null : Argument.Substring(open + 1, Argument.Length - open - 2);
        }
    }

    /// <summary>For <see cref="RewriteKind.MoveStatic"/> and <see cref="RewriteKind.Factory"/>: metadata name of the target type.</summary>
    public string TargetTypeName => Argument.Substring(0, Argument.LastIndexOf('.'));

    /// <summary>For <see cref="RewriteKind.MoveStatic"/> and <see cref="RewriteKind.Factory"/>: the member on the target type.</summary>
    public string TargetMemberName => Argument.Substring(Argument.LastIndexOf('.') + 1);
}
