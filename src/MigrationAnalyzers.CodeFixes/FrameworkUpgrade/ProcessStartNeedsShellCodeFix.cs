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
/// MIG3006: <c>Process.Start(file[, arguments])</c> → <c>Process.Start(new ProcessStartInfo(file[, arguments]) { UseShellExecute = true })</c>,
/// which is what .NET Framework did implicitly. Both overloads return the same <c>Process</c>, so callers are unaffected.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProcessStartNeedsShellCodeFix)), Shared]
public sealed class ProcessStartNeedsShellCodeFix : InvocationCodeFix
{
    public const string Title = "Start through the shell (UseShellExecute = true)";

    public ProcessStartNeedsShellCodeFix()
        : base(RuleIds.ProcessStartNeedsShell, Title, nameof(ProcessStartNeedsShellCodeFix))
    {
    }

    protected override Func<SyntaxNode, SyntaxNode>? PlanEdit(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || !method.Parameters.All(parameter => parameter.Type.SpecialType == SpecialType.System_String)
            || method.Parameters.Length is < 1 or > 2
            || invocation.ArgumentList.Arguments.Count != method.Parameters.Length
            || invocation.ArgumentList.Arguments.Any(argument => argument.NameColon is not null))
        {
            return null; // named or reordered arguments, or the IEnumerable<string> overload: leave them to the user
        }

        return root => root.ReplaceNode(invocation, Rewrite(invocation));
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
