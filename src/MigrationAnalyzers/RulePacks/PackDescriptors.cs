using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Descriptors;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// The descriptors of built-in pack rules, made from the packs themselves: the rule of an ID (or of a family, see
/// <see cref="For"/>) that carries <c>title = …</c> gives the title, description, tags and message format, its pack the
/// category, its <c>severity</c> the default severity. A built-in rule reports under its own ID when its pack describes
/// that ID; user rules (and built-in rules without a title) report under MIG2001 with their ID in the message.
/// </summary>
public static class PackDescriptors
{
    private static readonly Lazy<ImmutableDictionary<string, Entry>> LazyById = new Lazy<ImmutableDictionary<string, Entry>>(() => Build(BuiltInPacks.All));

    /// <summary>Every built-in pack descriptor in ID order; the packs are parsed on first use, once per process.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => LazyById.Value.Values.Select(entry => entry.Descriptor).OrderBy(d => d.Id, StringComparer.Ordinal);

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
        => isBuiltIn && LazyById.Value.TryGetValue(FamilyId(rule.Id), out var entry) ? entry.Descriptor : Descriptors.Descriptors.MIG2001_RulePackMatch;

    /// <summary>How the message of a built-in descriptor is put together; <see cref="MessageFormat.Default"/> for every other.</summary>
    public static MessageFormat FormatOf(DiagnosticDescriptor descriptor)
        => LazyById.Value.TryGetValue(descriptor.Id, out var entry) ? entry.Format : MessageFormat.Default;

    /// <summary><c>MIG3121.SHA256Managed</c> belongs to the family <c>MIG3121</c>.</summary>
    public static string FamilyId(string ruleId)
    {
        var dot = ruleId.IndexOf('.');
        return dot > 0 ? ruleId.Substring(0, dot) : ruleId;
    }

    /// <summary>The descriptors the given packs describe; the first title of an ID wins (a test keeps built-in packs to one).</summary>
    internal static ImmutableDictionary<string, Entry> Build(IEnumerable<RulePack> packs)
    {
        var byId = ImmutableDictionary.CreateBuilder<string, Entry>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            foreach (var rule in pack.Rules)
            {
                var id = FamilyId(rule.Id);
                if (rule.Description is not { } described || byId.ContainsKey(id))
                {
                    continue;
                }

                var format = described.MessageFormat ?? MessageFormat.Default;
                var descriptor = Descriptors.Descriptors.Rule(
                    id,
                    described.Title,
                    format.Composite,
                    pack.Category ?? RuleCategories.ApiMigration,
                    rule.Severity,
                    described.Text ?? described.Title,
                    new[] { Descriptors.Descriptors.RulePackTag }.Concat(described.Tags).ToArray());
                byId.Add(id, new Entry(descriptor, format));
            }
        }

        return byId.ToImmutable();
    }

    internal sealed class Entry
    {
        public Entry(DiagnosticDescriptor descriptor, MessageFormat format)
        {
            Descriptor = descriptor;
            Format = format;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public MessageFormat Format { get; }
    }
}
