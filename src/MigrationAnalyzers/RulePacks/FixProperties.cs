using System.Collections.Immutable;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// What a pack diagnostic tells its code fix. A diagnostic without <see cref="Rewrite"/> has no fix
/// (flag-only rule, replacement missing, or a capture the template needs is absent).
/// </summary>
public static class FixProperties
{
    public const string RuleId = "RuleId";

    /// <summary>The chosen <c>rewrite</c> line (condition already applied).</summary>
    public const string Rewrite = "Rewrite";

    /// <summary>Fully qualified namespace of the matched API: its using directive goes when nothing else needs it.</summary>
    public const string OldNamespace = "OldNamespace";

    /// <summary>Extra namespaces to import, separated by ';'.</summary>
    public const string Usings = "Usings";

    public static ImmutableDictionary<string, string?> Create(CompiledRule rule, RewriteSpec? rewrite)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder[RuleId] = rule.Rule.Id;
        if (rewrite is not null)
        {
            builder[Rewrite] = rewrite.Text;
            if (rule.OldNamespace is { IsGlobalNamespace: false } ns)
            {
                builder[OldNamespace] = ns.ToDisplayString();
            }

            if (!rule.Rule.AddUsings.IsEmpty)
            {
                builder[Usings] = string.Join(";", rule.Rule.AddUsings);
            }
        }

        return builder.ToImmutable();
    }
}
