using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MigrationAnalyzers.Descriptors;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MigrationAnalyzers.CodeFixes.FrameworkUpgrade;

/// <summary>
/// MIG3008: <c>text.IndexOf("\n")</c> → <c>text.IndexOf("\n", StringComparison.Ordinal)</c>. Offered only for the
/// searches (IndexOf, LastIndexOf, StartsWith, EndsWith) whose searched-for value is a string literal: a literal is a
/// fixed sequence of characters, which is what ordinal matching finds. Compare is not fixed, since ordinal order
/// differs from alphabetical order and would re-sort lists.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CultureSensitiveStringComparisonFix)), Shared]
public sealed class CultureSensitiveStringComparisonFix : CodeFixProvider
{
    public const string Title = "Compare ordinally (StringComparison.Ordinal)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CultureSensitiveStringComparison);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
                || method.IsStatic
                || method.Name is not ("IndexOf" or "LastIndexOf" or "StartsWith" or "EndsWith")
                || invocation.ArgumentList.Arguments.Count != method.Parameters.Length
                || invocation.ArgumentList.Arguments.Any(argument => argument.NameColon is not null)
                || invocation.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => Imports.AddAsync(context.Document, root.ReplaceNode(invocation, AddOrdinal(invocation)), cancellationToken), nameof(CultureSensitiveStringComparisonFix)),
                diagnostic);
        }
    }

    /// <summary>Every search overload has a twin with a trailing StringComparison, on .NET Framework and .NET alike.</summary>
    private static InvocationExpressionSyntax AddOrdinal(InvocationExpressionSyntax invocation)
    {
        var comparisonType = ParseTypeName("System.StringComparison").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var ordinal = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, comparisonType, IdentifierName("Ordinal"));
        return invocation.WithArgumentList(invocation.ArgumentList.AddArguments(Argument(ordinal)));
    }
}
