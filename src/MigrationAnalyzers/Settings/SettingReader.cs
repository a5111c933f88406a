using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Settings;

/// <summary>
/// Reads options for one syntax tree, falling back to the global config. A value that cannot be read never stops
/// a rule: the default is used, and <see cref="Rules.Configuration.InvalidSettingAnalyzer"/> reports it (MIG9001).
/// A struct: rules make one for every migration they judge.
/// </summary>
public readonly struct SettingReader
{
    private readonly AnalyzerConfigOptions _treeOptions;
    private readonly AnalyzerConfigOptions _globalOptions;
    public SettingReader(AnalyzerOptions options, SyntaxTree? tree)
    {
        _globalOptions = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        _treeOptions = tree is null ? _globalOptions : options.AnalyzerConfigOptionsProvider.GetOptions(tree);
    }

    public string? GetString(string key)
    {
        if (_treeOptions.TryGetValue(key, out var value) || _globalOptions.TryGetValue(key, out value))
        {
            value = value.Trim();
            return value.Length == 0 ? null : value;
        }

        return null;
    }

    public bool GetBool(string key, bool defaultValue)
    {
        var text = GetString(key);
        return text is not null && bool.TryParse(text, out var result) ? result : defaultValue;
    }

    public int GetNonNegativeInt(string key, int defaultValue)
    {
        var text = GetString(key);
        return text is not null && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) && result >= 0
            ? result
            : defaultValue;
    }

    /// <summary>
    /// A migration position: an EF Core migration ID (<c>20240101120000_AddUsers</c>), its timestamp, or a FluentMigrator version.
    /// </summary>
    public long? GetMigrationPosition(string key) => MigrationPosition.Parse(GetString(key));
}

/// <summary>The leading number of a migration ID or version, which orders migrations.</summary>
public static class MigrationPosition
{
    public static long? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var end = 0;
        while (end < text.Length && char.IsDigit(text[end]))
        {
            end++;
        }

        if (end == 0 || end > 18 || (end < text.Length && text[end] != '_'))
        {
            return null;
        }

        return long.Parse(text.Substring(0, end), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}

