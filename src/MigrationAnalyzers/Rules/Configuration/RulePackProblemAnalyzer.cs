using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.RulePacks;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Configuration;

/// <summary>
/// MIG9101 (a line of a rule pack cannot be read) and MIG9102 (a rule is ignored), reported on the pack file and line.
/// The rest of the pack keeps working; the parse is the cached one the rules use.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RulePackProblemAnalyzer : MigrationAnalyzer
{
    public RulePackProblemAnalyzer()
        : base(MIG9101_RulePackSyntax, MIG9102_RulePackRuleIgnored)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        context.RegisterAdditionalFileAction(fileContext =>
        {
            var pack = RulePackLoader.ReadUserPack(fileContext.AdditionalFile, fileContext.CancellationToken);
            if (pack is null)
            {
                return;
            }

            foreach (var problem in pack.Problems)
            {
                var location = Location.Create(fileContext.AdditionalFile.Path, problem.Span, problem.LineSpan);
                var descriptor = problem.RuleId is null ? MIG9101_RulePackSyntax : MIG9102_RulePackRuleIgnored;
                fileContext.ReportDiagnostic(Diagnostic.Create(descriptor, location, pack.Name, problem.Message));
            }
        });
    }
}
