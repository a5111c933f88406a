using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.RulePacks;

/// <summary>A pack rule whose preconditions hold in one compilation, with what was resolved for it.</summary>
public sealed class CompiledRule
{
    public CompiledRule(PackRule rule, DiagnosticDescriptor descriptor, string? whyNoFix, INamespaceSymbol? oldNamespace)
    {
        Rule = rule;
        Descriptor = descriptor;
        WhyNoFix = whyNoFix;
        OldNamespace = oldNamespace;
    }

    public PackRule Rule { get; }

    /// <summary>The rule's own descriptor (built-in packs) or MIG2001 (user packs).</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Null when the rewrite's target exists in this compilation; otherwise the reason the fix is withheld.</summary>
    public string? WhyNoFix { get; }

    /// <summary>The namespace of the matched API, whose using directive the fix removes once nothing needs it.</summary>
    public INamespaceSymbol? OldNamespace { get; }

    /// <summary>A built-in rule reporting under its own ID (or its family's), rather than MIG2001 with the rule ID in the message.</summary>
    public bool HasOwnDescriptor => Descriptor.Id != Descriptors.RuleIds.RulePackMatch;
}
