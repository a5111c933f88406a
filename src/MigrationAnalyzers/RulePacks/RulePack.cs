using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// One parsed rule pack: the rules that could be read and the problems found on the way.
/// A problem never stops the rest of the pack from loading: the broken line or rule is left out.
/// </summary>
public sealed class RulePack
{
    public RulePack(string name, string path, bool isBuiltIn, ImmutableArray<PackRule> rules, ImmutableArray<PackProblem> problems, string? category = null)
    {
        Category = category;
        Name = name;
        Path = path;
        IsBuiltIn = isBuiltIn;
        Rules = rules;
        Problems = problems;
    }

    /// <summary>The <c>pack = …</c> name, or the file name without extension.</summary>
    public string Name { get; }

    /// <summary>The AdditionalFiles path, or <c>builtin:&lt;name&gt;</c> for a pack inside the analyzer assembly.</summary>
    public string Path { get; }

    public bool IsBuiltIn { get; }

    /// <summary><c>category = …</c> before the first rule: the diagnostic category of the pack's own descriptors (built-in packs).</summary>
    public string? Category { get; }

    public ImmutableArray<PackRule> Rules { get; }

    public ImmutableArray<PackProblem> Problems { get; }
}

/// <summary>What is wrong on one line of a pack; <see cref="RuleId"/> is set when the whole rule was dropped.</summary>
public sealed class PackProblem
{
    public PackProblem(TextSpan span, LinePositionSpan lineSpan, string message, string? ruleId)
    {
        Span = span;
        LineSpan = lineSpan;
        Message = message;
        RuleId = ruleId;
    }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    public string Message { get; }

    /// <summary>The rule that was dropped because of this problem, or null for a pack-level (syntax) problem.</summary>
    public string? RuleId { get; }
}
