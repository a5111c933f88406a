using System;
using System.Linq;
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
/// Runs every rule of the enabled packs (built-in and AdditionalFiles): MIG2001 for user rules, each built-in rule
/// under its own ID. Documentation IDs are resolved once per compilation; each action below checks the name as written
/// and binds only the candidates.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RulePackAnalyzer : MigrationAnalyzer
{
    public RulePackAnalyzer()
        : base(new[] { MIG2001_RulePackMatch }.Concat(PackDescriptors.All).ToArray())
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var options = context.Options;

        // Resolved at the first node, not here: resolving the rules' documentation IDs at compilation start waited for
        // the compiler to finish binding the references and declaring the source, and that wait was charged to the rule.
        // So every action is registered, and each returns at once when no rule of its kind applies.
        var lazyRules = new Lazy<CompiledRuleSet>(() => CompiledRuleSet.For(compilation, options), LazyThreadSafetyMode.ExecutionAndPublication);

        // Syntax actions with a name check first: operation actions would make Roslyn bind every method body.
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (lazyRules.Value is { } rules && (rules.HasMembers || rules.HasUnbound))
                {
                    AnalyzeInvocation(c, rules);
                }
            },
            SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (lazyRules.Value is { HasMembers: true } rules)
                {
                    AnalyzeObjectCreation(c, rules);
                }
            },
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression);

        // One predicate for the compilation: a method group converted at each name would allocate a delegate per node.
        Func<string, bool> mayNameMember = name => lazyRules.Value.MayNameMember(name);

        // Names are the most numerous nodes of any project, and the driver's own work for each callback is charged to
        // the analyzer: member and type rules share one callback per name.
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var rules = lazyRules.Value;
                if (rules.HasMembers)
                {
                    AnalyzeMemberReference(c, rules, mayNameMember);
                }

                if (rules.HasTypes || rules.HasNamespaces)
                {
                    TypeNameMatcher.Analyze(c, rules);
                }
            },
            SyntaxKind.IdentifierName,
            SyntaxKind.GenericName);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (lazyRules.Value is { HasMembers: true } rules)
                {
                    AnalyzeMemberReference(c, rules, mayNameMember);
                }
            },
            SyntaxKind.ElementAccessExpression,
            SyntaxKind.ElementBindingExpression);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (lazyRules.Value is { HasAttributes: true } rules)
                {
                    AnalyzeAttribute(c, rules);
                }
            },
            SyntaxKind.Attribute);
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, CompiledRuleSet rules)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        var name = WrittenNames.Invoked(syntax);
        var mayMatch = rules.MayNameMember(name);
        var mayBeUnbound = name is not null && rules.ForUnbound(name) is not null;
        if (!mayMatch && !mayBeUnbound)
        {
            return;
        }

        // The bound method first: an operation tree is built only for calls a rule matches, or that did not bind.
        if (!MayMatch(context, syntax, rules))
        {
            return;
        }

        switch (context.SemanticModel.GetOperation(syntax, context.CancellationToken))
        {
            case IInvocationOperation invocation when mayMatch:
                AnalyzeInvocation(context, invocation, syntax, rules);
                break;
            case IInvalidOperation when mayBeUnbound:
                UnboundCallMatcher.Analyze(context, syntax, rules);
                break;
        }
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, IInvocationOperation invocation, InvocationExpressionSyntax syntax, CompiledRuleSet rules)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (rules.ForMember(method) is not { } matches)
        {
            return;
        }

        var captures = Captures.ForInvocation(syntax, AsWritten(invocation));
        var location = NameOf(syntax.Expression).GetLocation();
        foreach (var match in matches)
        {
            if (!rules.AppliesIn(match, syntax.SyntaxTree) || !RuleMatcher.Reports(match, captures, context.SemanticModel))
            {
                continue;
            }

            context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(match, location, captures, context.SemanticModel, rules.FrameworkOf(syntax.SyntaxTree)));
        }
    }

    /// <summary>Whether the symbol <paramref name="syntax"/> binds to is one a rule matches, or there is none (a call that does not bind).</summary>
    private static bool MayMatch(SyntaxNodeAnalysisContext context, SyntaxNode syntax, CompiledRuleSet rules)
    {
        var symbol = context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol;
        return symbol is null || rules.ForMember(symbol is IMethodSymbol { ReducedFrom: { } reducedFrom } ? reducedFrom : symbol) is not null;
    }

    /// <summary>
    /// The method as the call is written: the operation gives an extension method called as <c>source.Method(…)</c> in
    /// its static form, with the receiver as first argument, which would shift every argument capture by one. There the
    /// first argument's syntax is the receiver expression, not an argument.
    /// </summary>
    private static IMethodSymbol AsWritten(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.IsExtensionMethod && method.ReducedFrom is null && invocation.Arguments.Length > 0
            && invocation.Arguments[0].Syntax is not ArgumentSyntax
            && invocation.SemanticModel?.GetSymbolInfo(invocation.Syntax).Symbol is IMethodSymbol { ReducedFrom: not null } reduced)
        {
            // Only calls that matched a rule get here, so binding the call once more is cheap; the bound symbol is the
            // reduced method, with generic extension methods (UseSqlServer<TContext>) constructed as written.
            return reduced;
        }

        return method;
    }

    private static void AnalyzeObjectCreation(SyntaxNodeAnalysisContext context, CompiledRuleSet rules)
    {
        var syntax = (BaseObjectCreationExpressionSyntax)context.Node;

        // Where no type is written (a target-typed new() as an argument, a return), the creation is always a candidate.
        // A using alias hides the type's own name.
        var written = WrittenNames.CreatedType(syntax);
        var typeName = written is null ? null : WrittenNames.Rightmost(written);
        if (written is not null
            && !rules.MayNameMember(typeName)
            && (typeName is null || !WrittenNames.IsAlias(syntax, typeName, context.SemanticModel)))
        {
            return;
        }

        if (!MayMatch(context, syntax, rules)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IObjectCreationOperation { Constructor: { } constructor }
            || rules.ForMember(constructor) is not { } matches)
        {
            return;
        }

        var captures = Captures.ForObjectCreation(syntax, constructor);
        foreach (var match in matches)
        {
            if (!rules.AppliesIn(match, syntax.SyntaxTree) || !RuleMatcher.Reports(match, captures, context.SemanticModel))
            {
                continue;
            }

            context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(match, syntax.GetLocation(), captures, context.SemanticModel, rules.FrameworkOf(syntax.SyntaxTree)));
        }
    }

    /// <summary>
    /// Property, field, event and method-group references. The reference is the whole <c>a.Name</c> (or <c>?.Name</c>) when
    /// the name is qualified; an indexer is the element access itself. The name of a call is not a reference of its own.
    /// </summary>
    private static void AnalyzeMemberReference(SyntaxNodeAnalysisContext context, CompiledRuleSet rules, System.Func<string, bool> mayNameMember)
    {
        var syntax = WrittenNames.Referenced(context.Node, mayNameMember);
        if (syntax is null)
        {
            return;
        }

        if (!MayMatch(context, syntax, rules)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IMemberReferenceOperation reference)
        {
            return;
        }

        var member = reference.Member;
        if (member is IMethodSymbol { ReducedFrom: { } reducedFrom })
        {
            member = reducedFrom;
        }

        if (rules.ForMember(member) is not { } matches)
        {
            return;
        }

        var captures = Captures.ForMemberReference(syntax);
        var location = syntax is ExpressionSyntax expression ? NameOf(expression).GetLocation() : syntax.GetLocation();
        foreach (var match in matches)
        {
            if (!rules.AppliesIn(match, syntax.SyntaxTree) || !RuleMatcher.Reports(match, captures, context.SemanticModel))
            {
                continue;
            }

            context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(match, location, captures, context.SemanticModel, rules.FrameworkOf(syntax.SyntaxTree)));
        }
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, CompiledRuleSet rules)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (!rules.MayNameType(RightmostName(attribute.Name)))
        {
            return;
        }

        var info = context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken);
        var constructor = (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) as IMethodSymbol;
        if (constructor?.ContainingType is not { } attributeClass || rules.ForAttribute(attributeClass) is not { } matches)
        {
            return;
        }

        var captures = Captures.ForAttribute(attribute, constructor);
        foreach (var match in matches)
        {
            if (!rules.AppliesIn(match, attribute.SyntaxTree) || !RuleMatcher.Reports(match, captures, context.SemanticModel))
            {
                continue;
            }

            context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(match, attribute.GetLocation(), captures, context.SemanticModel, rules.FrameworkOf(attribute.SyntaxTree)));
        }
    }

    /// <summary>The member name of <c>a.b.Name&lt;T&gt;</c> (where the squiggle goes), or the expression itself.</summary>
    internal static SyntaxNode NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        _ => expression,
    };

    internal static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
