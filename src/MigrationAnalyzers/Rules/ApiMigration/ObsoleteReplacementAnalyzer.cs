using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.RulePacks;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.ApiMigration;

/// <summary>
/// MIG2002: a use of an [Obsolete] member whose message names a replacement that exists ("Use HasDatabaseName() instead").
/// Each member's attribute is read once per compilation; members a rule pack already matches are left to the pack. Only
/// uses written with the name of some obsolete member are bound (<see cref="ObsoleteMemberNames"/>).
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
        var compilation = context.Compilation;
        var options = context.Options;
        var cache = new ConcurrentDictionary<ISymbol, ObsoleteReplacement.Candidate?>(SymbolEqualityComparer.Default);

        // Read at the first use that needs them, not here: at compilation start the compiler is still binding the
        // references and declaring the source, and a lookup here waits for it (and was charged to this rule).
        var rules = new Lazy<CompiledRuleSet>(() => CompiledRuleSet.For(compilation, options), LazyThreadSafetyMode.ExecutionAndPublication);

        // Only strings: shared by the IDE's next compilations of the same trees, which Roslyn starts again per document.
        var names = new Lazy<ObsoleteMemberNames>(
            () => ObsoleteMemberNames.Shared(compilation),
            LazyThreadSafetyMode.ExecutionAndPublication);

        // The bound symbol before the operation: names like Create or Count are common, and an operation tree is built
        // only where the member really has a replacement.
        bool HasReplacement(SyntaxNodeAnalysisContext nodeContext, SyntaxNode syntax)
        {
            var symbol = nodeContext.SemanticModel.GetSymbolInfo(syntax, nodeContext.CancellationToken).Symbol;
            var member = symbol is IMethodSymbol { ReducedFrom: { } reducedFrom } ? reducedFrom : symbol;
            return member is not null && cache.GetOrAdd(member.OriginalDefinition, definition => ObsoleteReplacement.Find(definition, compilation)) is not null;
        }

        // An indexer is obsolete under its metadata name Item, or this[] in source. One predicate for the compilation, not
        // one allocated per name. Only a property or field is reported by reference, so only their names are bound here:
        // a method's name written as a reference is a call (reported by the call) or a method group (never reported).
        Func<string, bool> mayBeObsolete = written => written == "this[]"
            ? names.Value.MayBeObsoleteValue("Item") || names.Value.MayBeObsoleteValue("this[]")
            : names.Value.MayBeObsoleteValue(written);

        // Calls by the method's name; property and field references by their name, or as an indexer.
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                if (WrittenNames.Invoked((InvocationExpressionSyntax)nodeContext.Node) is { } name && names.Value.MayBeObsoleteMethod(name)
                    && HasReplacement(nodeContext, nodeContext.Node)
                    && nodeContext.SemanticModel.GetOperation(nodeContext.Node, nodeContext.CancellationToken) is IInvocationOperation invocation)
                {
                    Analyze(nodeContext, invocation, invocation.TargetMethod, rules.Value, cache, compilation);
                }
            },
            SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var syntax = WrittenNames.Referenced(nodeContext.Node, mayBeObsolete);
                if (syntax is null)
                {
                    return;
                }

                if (HasReplacement(nodeContext, syntax)
                    && nodeContext.SemanticModel.GetOperation(syntax, nodeContext.CancellationToken) is IMemberReferenceOperation { Kind: OperationKind.PropertyReference or OperationKind.FieldReference } reference)
                {
                    Analyze(nodeContext, reference, reference.Member, rules.Value, cache, compilation);
                }
            },
            SyntaxKind.IdentifierName,
            SyntaxKind.ElementAccessExpression,
            SyntaxKind.ElementBindingExpression);
    }

    /// <summary><paramref name="used"/> is the member as bound at this use (a reduced extension method stays reduced, generics stay constructed).</summary>
    private static void Analyze(
        SyntaxNodeAnalysisContext context,
        IOperation operation,
        ISymbol used,
        CompiledRuleSet rules,
        ConcurrentDictionary<ISymbol, ObsoleteReplacement.Candidate?> cache,
        Compilation compilation)
    {
        var member = used is IMethodSymbol { ReducedFrom: { } reducedFrom } ? reducedFrom : used;
        if (rules.MatchesMember(member))
        {
            return;
        }

        var definition = member.OriginalDefinition;
        var candidate = cache.GetOrAdd(definition, symbol => ObsoleteReplacement.Find(symbol, compilation));
        if (candidate is null || operation.Syntax is not ExpressionSyntax syntax)
        {
            return;
        }

        var model = context.SemanticModel;
        var name = syntax is InvocationExpressionSyntax call ? RulePackAnalyzer.NameOf(call.Expression) : RulePackAnalyzer.NameOf(syntax);
        var whyNoFix = ObsoleteReplacementBinding.WhyNotReplaceable(model, syntax, used, candidate);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperties.RuleId, MIG2002_ObsoleteMemberNamesReplacement.Id);
        if (whyNoFix is null)
        {
            properties = properties.Add(FixProperties.Rewrite, candidate.Rewrite.Text);
        }

        context.ReportDiagnostic(Diagnostic.Create(
            MIG2002_ObsoleteMemberNamesReplacement,
            name.GetLocation(),
            properties,
            definition.ContainingType.Name + "." + definition.Name,
            candidate.Name,
            whyNoFix is null ? string.Empty : "; no fix is offered: " + whyNoFix));
    }
}
