using System.Linq;
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
/// under its own ID. Documentation IDs are resolved once per compilation; each action below is a symbol lookup.
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
        var rules = CompiledRuleSet.For(context.Compilation, context.Options, context.CancellationToken);
        if (rules.IsEmpty)
        {
            return;
        }

        if (rules.HasMembers)
        {
            context.RegisterOperationAction(c => AnalyzeInvocation(c, rules), OperationKind.Invocation);
            context.RegisterOperationAction(c => AnalyzeObjectCreation(c, rules), OperationKind.ObjectCreation);
            context.RegisterOperationAction(
                c => AnalyzeMemberReference(c, rules),
                OperationKind.PropertyReference,
                OperationKind.FieldReference,
                OperationKind.EventReference,
                OperationKind.MethodReference);
        }

        if (rules.HasUnbound)
        {
            context.RegisterOperationAction(c => UnboundCallMatcher.Analyze(c, rules), OperationKind.Invalid);
        }

        if (rules.HasTypes || rules.HasNamespaces)
        {
            context.RegisterSyntaxNodeAction(c => TypeNameMatcher.Analyze(c, rules), SyntaxKind.IdentifierName, SyntaxKind.GenericName);
        }

        if (rules.HasAttributes)
        {
            context.RegisterSyntaxNodeAction(c => AnalyzeAttribute(c, rules), SyntaxKind.Attribute);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CompiledRuleSet rules)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (rules.ForMember(method) is not { } matches || invocation.Syntax is not InvocationExpressionSyntax syntax)
        {
            return;
        }

        var captures = Captures.ForInvocation(syntax, AsWritten(invocation));
        var location = NameOf(syntax.Expression).GetLocation();
        foreach (var match in matches)
        {
            if (!rules.AppliesIn(match, syntax.SyntaxTree) || !RuleMatcher.Reports(match, captures, context.Operation.SemanticModel))
            {
                continue;
            }

            context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(match, location, captures, invocation.SemanticModel, rules.FrameworkOf(syntax.SyntaxTree)));
        }
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

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, CompiledRuleSet rules)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is null || rules.ForMember(creation.Constructor) is not { } matches || creation.Syntax is not BaseObjectCreationExpressionSyntax syntax)
        {
            return;
        }

        var captures = Captures.ForObjectCreation(syntax, creation.Constructor);
        foreach (var match in matches)
        {
            if (!rules.AppliesIn(match, syntax.SyntaxTree) || !RuleMatcher.Reports(match, captures, context.Operation.SemanticModel))
            {
                continue;
            }

            context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(match, syntax.GetLocation(), captures, creation.SemanticModel, rules.FrameworkOf(syntax.SyntaxTree)));
        }
    }

    private static void AnalyzeMemberReference(OperationAnalysisContext context, CompiledRuleSet rules)
    {
        var member = ((IMemberReferenceOperation)context.Operation).Member;
        if (member is IMethodSymbol { ReducedFrom: { } reducedFrom })
        {
            member = reducedFrom;
        }

        if (rules.ForMember(member) is not { } matches)
        {
            return;
        }

        var syntax = context.Operation.Syntax;
        var captures = Captures.ForMemberReference(syntax);
        var location = syntax is ExpressionSyntax expression ? NameOf(expression).GetLocation() : syntax.GetLocation();
        foreach (var match in matches)
        {
            if (!rules.AppliesIn(match, syntax.SyntaxTree) || !RuleMatcher.Reports(match, captures, context.Operation.SemanticModel))
            {
                continue;
            }

            context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(match, location, captures, context.Operation.SemanticModel, rules.FrameworkOf(context.Operation.Syntax.SyntaxTree)));
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
