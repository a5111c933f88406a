using System;
using System.Collections.Immutable;
using System.Linq;

namespace MigrationAnalyzers.RulePacks;

/// <summary>Reading and checking <c>migration_analyzers.builtin_packs</c>.</summary>
public static class BuiltInPacksSetting
{
    /// <summary>Null when the value is valid, else why not.</summary>
    public static string? Validate(string value)
    {
        value = value.Trim();
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var unknown = Split(value).Where(name => !BuiltInPacks.Names.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        return unknown.Count == 0
            ? null
            : "unknown built-in pack '" + string.Join("', '", unknown) + "'; expected all, none or a comma-separated list of: " + string.Join(", ", BuiltInPacks.Names);
    }

    /// <summary>The enabled pack names; null means all.</summary>
    public static ImmutableHashSet<string>? Names(string value)
    {
        value = value.Trim();
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return ImmutableHashSet<string>.Empty;
        }

        return Split(value).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static System.Collections.Generic.IEnumerable<string> Split(string value)
        => value.Split(',').Select(part => part.Trim()).Where(part => part.Length > 0);
}
