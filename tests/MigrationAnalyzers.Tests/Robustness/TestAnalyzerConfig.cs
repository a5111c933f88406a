using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>Analyzer options with one set of .editorconfig values for every file, valid or not.</summary>
public sealed class TestAnalyzerConfig : AnalyzerConfigOptionsProvider
{
    private readonly Options _options;

    private TestAnalyzerConfig(IReadOnlyDictionary<string, string> values)
    {
        _options = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    public static AnalyzerOptions Create(IReadOnlyDictionary<string, string>? values = null)
        => new(ImmutableArray<AdditionalText>.Empty, new TestAnalyzerConfig(values ?? new Dictionary<string, string>()));

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public Options(IReadOnlyDictionary<string, string> values) => _values = values;

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
