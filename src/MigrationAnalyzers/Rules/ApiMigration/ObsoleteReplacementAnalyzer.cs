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
/// MIG2002: a use of an [Obsolete] member whose message names a replacement that exists ("Use HasDatabaseName() instead").
/// Each member's attribute is read once per compilation; members a rule pack already matches are left to the pack.
/// The fix travels with the diagnostic only where the rewritten use binds to a member that really replaces the old one
/// (see <see cref="ObsoleteReplacementBinding"/>); elsewhere the message says why no fix is offered.
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
        var cache = new ConcurrentDictionary<ISymbol, ObsoleteReplacement.Candidate?>(SymbolEqualityComparer.Default);
        var compilation = context.Compilation;
        context.RegisterOperationAction(
            operationContext =>
            {
                // The member as bound at this use (a reduced extension method stays reduced, generics stay constructed).
                var used = operationContext.Operation switch
                {
                    IInvocationOperation invocation => (ISymbol)invocation.TargetMethod,
                    IMemberReferenceOperation reference => reference.Member,
                    _ => null,
                };
                var member = used is IMethodSymbol { ReducedFrom: { } reducedFrom } ? reducedFrom : used;
                if (used is null || member is null || rules.MatchesMember(member))
                {
                    return;
                }

                var definition = member.OriginalDefinition;
                var candidate = cache.GetOrAdd(definition, symbol => ObsoleteReplacement.Find(symbol, obsolete, compilation));
                if (candidate is null || operationContext.Operation.Syntax is not ExpressionSyntax syntax || operationContext.Operation.SemanticModel is not { } model)
                {
                    return;
                }

                var name = syntax is InvocationExpressionSyntax call ? RulePackAnalyzer.NameOf(call.Expression) : RulePackAnalyzer.NameOf(syntax);
                var whyNoFix = ObsoleteReplacementBinding.WhyNotReplaceable(model, syntax, used, candidate);
                var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperties.RuleId, MIG2002_ObsoleteMemberNamesReplacement.Id);
                if (whyNoFix is null)
                {
                    properties = properties.Add(FixProperties.Rewrite, candidate.Rewrite.Text);
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    MIG2002_ObsoleteMemberNamesReplacement,
                    name.GetLocation(),
                    properties,
                    definition.ContainingType.Name + "." + definition.Name,
                    candidate.Name,
                    whyNoFix is null ? string.Empty : "; no fix is offered: " + whyNoFix));
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference);
    }
}
