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
/// MIG3006: <c>Process.Start(file[, arguments])</c> → <c>Process.Start(new ProcessStartInfo(file[, arguments]) { UseShellExecute = true })</c>,
/// which is what .NET Framework did implicitly. Both overloads return the same <c>Process</c>, so callers are unaffected.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProcessStartNeedsShellFix)), Shared]
public sealed class ProcessStartNeedsShellFix : CodeFixProvider
{
    public const string Title = "Start through the shell (UseShellExecute = true)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ProcessStartNeedsShell);

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
                || !method.Parameters.All(parameter => parameter.Type.SpecialType == SpecialType.System_String)
                || method.Parameters.Length is < 1 or > 2
                || invocation.ArgumentList.Arguments.Count != method.Parameters.Length
                || invocation.ArgumentList.Arguments.Any(argument => argument.NameColon is not null))
            {
                continue; // named or reordered arguments, or the IEnumerable<string> overload: leave them to the user
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => Imports.AddAsync(context.Document, root.ReplaceNode(invocation, Rewrite(invocation)), cancellationToken), nameof(ProcessStartNeedsShellFix)),
                diagnostic);
        }
    }

    private static InvocationExpressionSyntax Rewrite(InvocationExpressionSyntax invocation)
    {
        var startInfoType = ParseTypeName("System.Diagnostics.ProcessStartInfo").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var useShell = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("UseShellExecute"), LiteralExpression(SyntaxKind.TrueLiteralExpression));
        var startInfo = ObjectCreationExpression(startInfoType)
            .WithArgumentList(invocation.ArgumentList.WithoutTrivia())
            .WithInitializer(InitializerExpression(SyntaxKind.ObjectInitializerExpression, SingletonSeparatedList<ExpressionSyntax>(useShell)));
        return invocation.WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(startInfo))).WithTriviaFrom(invocation.ArgumentList));
    }
}
