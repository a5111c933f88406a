using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.RulePacks;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.ApiMigration;

/// <summary>
/// MIG2002: a use of an [Obsolete] member whose message names a replacement that exists with a compatible shape
/// ("Use HasDatabaseName() instead"). Each member's attribute is read once per compilation; members a rule pack
/// already matches are left to the pack.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ObsoleteReplacementAnalyzer : MigrationAnalyzer
{
    public ObsoleteReplacementAnalyzer()
        : base(MIG2002_ObsoleteMemberNamesReplacement)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var obsolete = context.Compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        if (obsolete is null)
        {
            return;
        }

        var rules = CompiledRuleSet.For(context.Compilation, context.Options, context.CancellationToken);
        var cache = new ConcurrentDictionary<ISymbol, (RewriteSpec Rewrite, string Name)?>(SymbolEqualityComparer.Default);
        var compilation = context.Compilation;
        context.RegisterOperationAction(
            operationContext =>
            {
                var member = operationContext.Operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod,
                    IMemberReferenceOperation reference => reference.Member,
                    _ => null,
                };
                if (member is null || rules.MatchesMember(member))
                {
                    return;
                }

                var definition = member.OriginalDefinition;
                var replacement = cache.GetOrAdd(definition, symbol => ObsoleteReplacement.Find(symbol, obsolete, compilation));
                if (replacement is not { } found || operationContext.Operation.Syntax is not ExpressionSyntax syntax)
                {
                    return;
                }

                var name = syntax is InvocationExpressionSyntax call ? RulePackAnalyzer.NameOf(call.Expression) : RulePackAnalyzer.NameOf(syntax);
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(FixProperties.RuleId, MIG2002_ObsoleteMemberNamesReplacement.Id)
                    .Add(FixProperties.Rewrite, found.Rewrite.Text);
                operationContext.ReportDiagnostic(Diagnostic.Create(
                    MIG2002_ObsoleteMemberNamesReplacement,
                    name.GetLocation(),
                    properties,
                    definition.ContainingType.Name + "." + definition.Name,
                    found.Name));
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference);
    }
}
