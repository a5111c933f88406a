using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// The packs that ship inside the analyzer assembly as embedded resources (RulePacks/BuiltIn/*.migrationpack).
/// Adding a pack is adding a file there; the names are also what <c>migration_analyzers.builtin_packs</c> accepts.
/// </summary>
public static class BuiltInPacks
{
    private const string ResourcePrefix = "MigrationAnalyzers.RulePacks.BuiltIn.";
    private const string ResourceSuffix = ".migrationpack";

    private static readonly Lazy<ImmutableArray<RulePack>> LazyAll = new Lazy<ImmutableArray<RulePack>>(Load);

    /// <summary>Every built-in pack, parsed once per process.</summary>
    public static ImmutableArray<RulePack> All => LazyAll.Value;

    /// <summary>Pack names (the resource file names without extension), in order.</summary>
    public static ImmutableArray<string> Names { get; } = typeof(BuiltInPacks).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(name => name.Substring(ResourcePrefix.Length, name.Length - ResourcePrefix.Length - ResourceSuffix.Length))
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToImmutableArray();

    public static SourceText? ReadText(string name)
    {
        using var stream = typeof(BuiltInPacks).Assembly.GetManifestResourceStream(ResourcePrefix + name + ResourceSuffix);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return SourceText.From(reader.ReadToEnd());
    }

    private static ImmutableArray<RulePack> Load()
    {
        var packs = ImmutableArray.CreateBuilder<RulePack>();
        foreach (var name in Names)
        {
            var text = ReadText(name);
            if (text is not null)
            {
                packs.Add(RulePackParser.Parse(text, "builtin:" + name, name, isBuiltIn: true));
            }
        }

        return packs.ToImmutable();
    }
}
