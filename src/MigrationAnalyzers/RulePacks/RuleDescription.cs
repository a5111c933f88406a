using System.Collections.Immutable;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// The part of a rule that describes its diagnostic ID rather than one API: the descriptor of a built-in rule is made from
/// it (<see cref="PackDescriptors"/>), so a built-in rule is defined in its pack and nowhere else.
/// </summary>
public sealed class RuleDescription
{
    public RuleDescription(string title, string? description, ImmutableArray<string> tags, MessageFormat? messageFormat)
    {
        Title = title;
        Text = description;
        Tags = tags;
        MessageFormat = messageFormat;
    }

    /// <summary><c>title = …</c>: the descriptor's title, shown in the rule index and the IDE.</summary>
    public string Title { get; }

    /// <summary><c>description = …</c>: the descriptor's description (the help text beside the link to the rule page).</summary>
    public string? Text { get; }

    /// <summary><c>tags = …</c>: custom tags beyond the pack tag, e.g. the opt-in tag that keeps a rule out of the Recommended preset.</summary>
    public ImmutableArray<string> Tags { get; }

    /// <summary><c>message-format = …</c>; null means the message is the rule's message and guidance alone.</summary>
    public MessageFormat? MessageFormat { get; }
}
