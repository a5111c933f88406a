using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// The descriptors of built-in pack rules: every descriptor in <see cref="Descriptors.Descriptors"/> tagged
/// <see cref="Descriptors.Descriptors.RulePackTag"/>. A built-in rule reports under its own ID when such a descriptor
/// exists; user rules (and built-in rules without one) report under MIG2001 with their ID in the message.
/// </summary>
public static class PackDescriptors
{
    private static readonly Lazy<ImmutableDictionary<string, DiagnosticDescriptor>> LazyById = new Lazy<ImmutableDictionary<string, DiagnosticDescriptor>>(
        () => typeof(Descriptors.Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null))
            .Where(descriptor => descriptor.CustomTags.Contains(Descriptors.Descriptors.RulePackTag))
            .ToImmutableDictionary(descriptor => descriptor.Id, StringComparer.Ordinal));

    public static IEnumerable<DiagnosticDescriptor> All => LazyById.Value.Values.OrderBy(d => d.Id, StringComparer.Ordinal);

    /// <summary>
    /// The descriptors some built-in rule of which has a rewrite: only these can carry a fix, so only these are offered
    /// to the fix provider (and only these say "Code fix: yes" in the rule index).
    /// </summary>
    public static IEnumerable<DiagnosticDescriptor> WithRewrite => All.Where(descriptor => BuiltInPacks.All
        .SelectMany(pack => pack.Rules)
        .Any(rule => For(rule, isBuiltIn: true).Id == descriptor.Id && rule.Rewrites.Any(rewrite => rewrite.Kind != RewriteKind.None)));

    /// <summary>
    /// A built-in rule's descriptor: its own ID, or for a family of rules written <c>[MIG3121.SHA256Managed]</c> the ID
    /// before the first dot, so that one diagnostic ID (one page, one severity setting) covers every API of the family.
    /// </summary>
    public static DiagnosticDescriptor For(PackRule rule, bool isBuiltIn)
    {
        if (!isBuiltIn)
        {
            return Descriptors.Descriptors.MIG2001_RulePackMatch;
        }

        var dot = rule.Id.IndexOf('.');
        var id = dot > 0 ? rule.Id.Substring(0, dot) : rule.Id;
        return LazyById.Value.TryGetValue(id, out var descriptor) ? descriptor : Descriptors.Descriptors.MIG2001_RulePackMatch;
    }
}
