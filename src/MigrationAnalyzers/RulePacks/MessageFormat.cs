using System;
using System.Collections.Immutable;
using System.Text;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// <c>message-format = On {target}, '{api}' {message}</c>: how a built-in rule's diagnostic message is put together from
/// the rule's message (with its guidance), the API as used (<c>Thread.Abort</c>, <c>new BinaryFormatter</c>) and the
/// framework the file is checked against (<c>.NET 8.0</c>). The placeholders become the descriptor's arguments, in the
/// order api, message, target of those the format names, so a format is an ordinary composite format string.
/// </summary>
public sealed class MessageFormat
{
    public const string Api = "api";
    public const string Message = "message";
    public const string Target = "target";

    private static readonly ImmutableArray<string> Order = ImmutableArray.Create(Api, Message, Target);

    private MessageFormat(string text, string composite, ImmutableArray<string> arguments)
    {
        Text = text;
        Composite = composite;
        Arguments = arguments;
    }

    /// <summary>The rule's message alone: the format of every pack descriptor without <c>message-format</c>.</summary>
    public static MessageFormat Default { get; } = Parse("{" + Message + "}", out _)!;

    /// <summary>As written in the pack.</summary>
    public string Text { get; }

    /// <summary>The descriptor's message format, e.g. <c>On {2}, '{0}' {1}</c>.</summary>
    public string Composite { get; }

    /// <summary>The placeholder names in argument order.</summary>
    public ImmutableArray<string> Arguments { get; }

    public bool Names(string placeholder) => Arguments.Contains(placeholder);

    public static MessageFormat? Parse(string text, out string? error)
    {
        error = null;
        var arguments = ImmutableArray.CreateBuilder<string>();
        foreach (var name in Order)
        {
            if (text.IndexOf("{" + name + "}", StringComparison.Ordinal) >= 0)
            {
                arguments.Add(name);
            }
        }

        if (!arguments.Contains(Message))
        {
            error = "the format must contain {message}";
            return null;
        }

        var composite = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] == '{' ? text.IndexOf('}', i) : -1;
            var index = close > i ? arguments.IndexOf(text.Substring(i + 1, close - i - 1)) : -1;
            if (index >= 0)
            {
                composite.Append('{').Append(index).Append('}');
                i = close;
            }
            else if (text[i] is '{' or '}')
            {
                error = "only {api}, {message} and {target} may appear in braces";
                return null;
            }
            else
            {
                composite.Append(text[i]);
            }
        }

        return new MessageFormat(text, composite.ToString(), arguments.ToImmutable());
    }
}
