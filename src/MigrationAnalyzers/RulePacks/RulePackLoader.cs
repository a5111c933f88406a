using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// Finds the packs that apply to a compilation: the enabled built-in packs and every AdditionalFiles item named
/// <c>*.migrationpack</c> or <c>MigrationRules*.txt</c>. Parsing is cached by path and content checksum, so an
/// unchanged pack is parsed once per process however many compilations (and analyzers) read it.
/// </summary>
public static class RulePackLoader
{
    private const int MaximumCachedPacks = 512;

    private static readonly ConcurrentDictionary<string, RulePack> Cache = new ConcurrentDictionary<string, RulePack>(StringComparer.Ordinal);

    /// <summary>Whether an additional file is a rule pack, by its file name.</summary>
    public static bool IsRulePack(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".migrationpack", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("MigrationRules", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
    }

    public static ImmutableArray<RulePack> Load(AnalyzerOptions options, CancellationToken cancellationToken, SyntaxTree? anyTree = null)
    {
        var packs = ImmutableArray.CreateBuilder<RulePack>();
        var selection = BuiltInSelection.Read(options, anyTree);
        foreach (var pack in BuiltInPacks.All)
        {
            if (selection.Includes(pack.Name))
            {
                packs.Add(pack);
            }
        }

        foreach (var file in options.AdditionalFiles)
        {
            var pack = ReadUserPack(file, cancellationToken);
            if (pack is not null)
            {
                packs.Add(pack);
            }
        }

        return packs.ToImmutable();
    }

    /// <summary>The parsed pack for an additional file, or null when the file is not a pack or cannot be read.</summary>
    public static RulePack? ReadUserPack(AdditionalText file, CancellationToken cancellationToken)
    {
        if (!IsRulePack(file.Path))
        {
            return null;
        }

        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return null;
        }

        var key = file.Path + "|" + Checksum(text);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (Cache.Count > MaximumCachedPacks)
        {
            // A long-lived IDE process sees many versions of a pack being edited; old ones are never asked for again.
            Cache.Clear();
        }

        var pack = RulePackParser.Parse(text, file.Path, Path.GetFileNameWithoutExtension(file.Path), isBuiltIn: false);
        return Cache.GetOrAdd(key, pack);
    }

    private static string Checksum(SourceText text)
    {
        var bytes = text.GetChecksum();
        var builder = new StringBuilder(bytes.Length * 2 + 12);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        // The checksum algorithm of a SourceText read without one is SHA-1 over its encoded bytes; the length guards the rest.
        return builder.Append('/').Append(text.Length).ToString();
    }

    /// <summary><c>migration_analyzers.builtin_packs = all | none | name, name</c>.</summary>
    private sealed class BuiltInSelection
    {
        private readonly ImmutableHashSet<string>? _names;

        private BuiltInSelection(ImmutableHashSet<string>? names)
        {
            _names = names;
        }

        public bool Includes(string name) => _names is null || _names.Contains(name);

        /// <summary>
        /// Packs apply to a whole compilation: the value comes from a global AnalyzerConfig, or else from the .editorconfig
        /// section that applies to the project's files (read through any one of them).
        /// </summary>
        public static BuiltInSelection Read(AnalyzerOptions options, SyntaxTree? anyTree)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            string? value = null;
            var found = provider.GlobalOptions.TryGetValue(SettingKeys.BuiltInPacks, out value)
                || (anyTree is not null && provider.GetOptions(anyTree).TryGetValue(SettingKeys.BuiltInPacks, out value));
            if (!found || value is null || BuiltInPacksSetting.Validate(value) is not null)
            {
                return new BuiltInSelection(null);
            }

            return new BuiltInSelection(BuiltInPacksSetting.Names(value));
        }
    }
}
