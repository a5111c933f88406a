using System;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Descriptors;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MigrationAnalyzers.CodeFixes.FrameworkUpgrade;

/// <summary>
/// MIG3008: <c>text.IndexOf("\n")</c> → <c>text.IndexOf("\n", StringComparison.Ordinal)</c>. Offered only for the
/// searches (IndexOf, LastIndexOf, StartsWith, EndsWith) whose searched-for value is a string literal: a literal is a
/// fixed sequence of characters, which is what ordinal matching finds. Compare is not fixed, since ordinal order
/// differs from alphabetical order and would re-sort lists.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CultureSensitiveStringComparisonCodeFix)), Shared]
public sealed class CultureSensitiveStringComparisonCodeFix : InvocationCodeFix
{
    public const string Title = "Compare ordinally (StringComparison.Ordinal)";

    public CultureSensitiveStringComparisonCodeFix()
        : base(RuleIds.CultureSensitiveStringComparison, Title, nameof(CultureSensitiveStringComparisonCodeFix))
    {
    }

    protected override Func<SyntaxNode, SyntaxNode>? PlanEdit(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || method.IsStatic
            || method.Name is not ("IndexOf" or "LastIndexOf" or "StartsWith" or "EndsWith")
            || invocation.ArgumentList.Arguments.Count != method.Parameters.Length
            || invocation.ArgumentList.Arguments.Any(argument => argument.NameColon is not null)
            || invocation.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        return root => root.ReplaceNode(invocation, AddOrdinal(invocation));
    }

    private static InvocationExpressionSyntax AddOrdinal(InvocationExpressionSyntax invocation)
    {
        var comparisonType = ParseTypeName("System.StringComparison").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var ordinal = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, comparisonType, IdentifierName("Ordinal"));
        return invocation.WithArgumentList(invocation.ArgumentList.AddArguments(Argument(ordinal)));
    }
}
