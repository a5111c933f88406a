using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>
/// A history's <c>setting =</c> lines as one global AnalyzerConfig (<c>is_global = true</c>), parsed by the compiler's own
/// AnalyzerConfig reader so keys and values mean what they mean in a real project's .globalconfig or .editorconfig.
/// </summary>
public sealed class GlobalAnalyzerConfig : AnalyzerConfigOptionsProvider
{
    private const string ConfigPath = "/src/.globalconfig";

    private readonly AnalyzerConfigOptions _options;

    private GlobalAnalyzerConfig(ImmutableDictionary<string, string> values)
    {
        _options = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    public static AnalyzerOptions Create(IEnumerable<string> settings)
        => new(ImmutableArray<AdditionalText>.Empty, new GlobalAnalyzerConfig(Parse(settings).AnalyzerOptions));

    /// <summary>
    /// <c>dotnet_diagnostic.ID.severity</c> lines, which a real build applies to the compilation rather than to the analyzers.
    /// The AnalyzerConfig reader lower-cases the ID and the compiler matches IDs regardless of case, but a compilation's
    /// specific diagnostic options are keyed by the exact ID: without the upper-case ID the setting would sit next to the
    /// package default (<c>MIG1190</c> suppressed) instead of replacing it, and an opted-in rule would stay off.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, ReportDiagnostic>> Severities(IEnumerable<string> settings)
        => Parse(settings).TreeOptions.Select(pair => new KeyValuePair<string, ReportDiagnostic>(pair.Key.ToUpperInvariant(), pair.Value));

    private static AnalyzerConfigOptionsResult Parse(IEnumerable<string> settings)
    {
        var text = "is_global = true\n" + string.Join("\n", settings) + "\n";
        var config = AnalyzerConfig.Parse(text, ConfigPath);
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(config), out var parseDiagnostics);
        var problems = parseDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0)
        {
            throw new System.FormatException("history.ini settings: " + string.Join("; ", problems.Select(p => p.GetMessage())));
        }

        return set.GlobalConfigOptions;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values.WithComparers(KeyComparer);

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
