using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Configuration;

/// <summary>
/// MIG9001: a <c>migration_analyzers.*</c> option that is unknown or cannot be read. The rules themselves fall back
/// to their defaults; this analyzer is what tells the user, once per key and value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidSettingAnalyzer : MigrationAnalyzer
{
    public InvalidSettingAnalyzer()
        : base(MIG9001_InvalidSetting)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var reported = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var provider = context.Options.AnalyzerConfigOptionsProvider;

        context.RegisterCompilationEndAction(endContext => Check(provider.GlobalOptions, reported, endContext.ReportDiagnostic));
        context.RegisterSyntaxTreeAction(treeContext => Check(provider.GetOptions(treeContext.Tree), reported, treeContext.ReportDiagnostic));
    }

    private static void Check(AnalyzerConfigOptions options, ConcurrentDictionary<string, byte> reported, Action<Diagnostic> report)
    {
        foreach (var key in options.Keys)
        {
            if (!key.StartsWith(SettingKeys.Prefix, StringComparison.OrdinalIgnoreCase) || !options.TryGetValue(key, out var value))
            {
                continue;
            }

            var definition = SettingDefinitions.Find(key);
            var problem = definition is null ? "no such setting" : definition.Validate(value);
            if (problem is not null && reported.TryAdd(key + "=" + value, 0))
            {
                report(Diagnostic.Create(MIG9001_InvalidSetting, Location.None, key, value, problem));
            }
        }
    }
}
