using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.RulePacks;

/// <summary>One <c>[ID]</c> section of a pack: what it matches, when it applies and how a match is rewritten.</summary>
public sealed class PackRule
{
    public PackRule(
        string id,
        string packName,
        string message,
        DiagnosticSeverity severity,
        ImmutableArray<ApiPattern> matches,
        ApiPattern? receiver,
        ImmutableArray<AssemblyRequirement> requires,
        TargetFrameworkRange? targetFramework,
        ImmutableArray<string> replacements,
        ImmutableArray<RewriteSpec> rewrites,
        ImmutableArray<string> addUsings,
        string? guidance,
        int line,
        TargetFrameworkRange? fixTargetFramework = null,
        RewriteCondition? onlyWhen = null,
        RuleDescription? description = null,
        bool reportsExpression = false)
    {
        Id = id;
        PackName = packName;
        Message = message;
        Severity = severity;
        Matches = matches;
        Receiver = receiver;
        Requires = requires;
        TargetFramework = targetFramework;
        Replacements = replacements;
        Rewrites = rewrites;
        AddUsings = addUsings;
        Guidance = guidance;
        Line = line;
        FixTargetFramework = fixTargetFramework;
        OnlyWhen = onlyWhen;
        Description = description;
        ReportsExpression = reportsExpression;
    }

    /// <summary>
    /// <c>report-on = expression</c>: the diagnostic covers the whole call or member access (<c>formatter.Serialize(stream, x)</c>)
    /// rather than the member's name, for rules whose message names the API as used.
    /// </summary>
    public bool ReportsExpression { get; }

    /// <summary>
    /// What a built-in rule's diagnostic ID is (<c>title</c>, <c>description</c>, <c>tags</c>, <c>message-format</c>):
    /// written once per ID, on one rule of a family. Null on the other rules of the family and in most user packs.
    /// </summary>
    public RuleDescription? Description { get; }

    /// <summary>
    /// <c>only-when = {capture} is …</c>: the match is reported only when this holds, e.g. an attribute that is a problem
    /// only with one of its named arguments (<c>[JsonProperty(Required = …)]</c>). Null means every match is reported.
    /// </summary>
    public RewriteCondition? OnlyWhen { get; }

    public string Id { get; }

    public string PackName { get; }

    public string Message { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>The APIs the rule finds (<c>match = …</c>, one or more lines), e.g. every overload that takes settings.</summary>
    public ImmutableArray<ApiPattern> Matches { get; }

    /// <summary>The first <c>match</c>.</summary>
    public ApiPattern Match => Matches[0];

    /// <summary>For calls that no longer bind: the receiver type that, with the member name of <see cref="Match"/>, identifies them.</summary>
    public ApiPattern? Receiver { get; }

    /// <summary>Referenced assemblies and version ranges that must all hold (<c>requires = …</c>).</summary>
    public ImmutableArray<AssemblyRequirement> Requires { get; }

    public TargetFrameworkRange? TargetFramework { get; }

    /// <summary>
    /// The target frameworks the rewrite is right for (<c>fix-target-framework = …</c>); outside them the rule still
    /// reports but offers no fix, because the code the fix writes would itself be obsolete there.
    /// </summary>
    public TargetFrameworkRange? FixTargetFramework { get; }

    /// <summary>Documentation IDs that must resolve for the fix to be offered (<c>replacement = …</c>).</summary>
    public ImmutableArray<string> Replacements { get; }

    /// <summary>Rewrites in order; the first whose condition holds is used. Empty means flag only.</summary>
    public ImmutableArray<RewriteSpec> Rewrites { get; }

    /// <summary>Namespaces the rewritten code needs beyond those of the names it writes (for extension methods).</summary>
    public ImmutableArray<string> AddUsings { get; }

    /// <summary>Why there is no automatic fix, or what to check by hand; appended to the message.</summary>
    public string? Guidance { get; }

    /// <summary>Zero-based line of the <c>[ID]</c> header.</summary>
    public int Line { get; }
}
