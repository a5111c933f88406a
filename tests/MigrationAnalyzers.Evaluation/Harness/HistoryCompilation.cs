using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>One compilation per history: its own files and its includes, as the migrations project builds them.</summary>
public static class HistoryCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(HistoryDefinition history, IReadOnlyList<HistorySource> sources, ImmutableArray<MetadataReference> references)
    {
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.TreePath, System.Text.Encoding.UTF8));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(PackageAnalyzers.OptInRulesOff.SetItems(GlobalAnalyzerConfig.Severities(history.Settings)));
        return CSharpCompilation.Create(history.Name, trees, references, options);
    }
}
