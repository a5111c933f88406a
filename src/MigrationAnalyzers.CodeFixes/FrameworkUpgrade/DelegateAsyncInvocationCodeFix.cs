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
using MigrationAnalyzers.Rules.FrameworkUpgrade;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MigrationAnalyzers.CodeFixes.FrameworkUpgrade;

/// <summary>
/// MIG3005: rewrites <c>d.BeginInvoke(args, null, null)</c> to <c>Task.Run(() =&gt; d(args))</c>, and its
/// <c>d.EndInvoke(result)</c> to <c>await result</c> in an async function or <c>result.GetAwaiter().GetResult()</c>
/// elsewhere (which, like EndInvoke, rethrows the delegate's own exception rather than an AggregateException).
/// Offered only when nothing can tell the difference: no callback or state, no ref/out parameters, a delegate that
/// does not itself return a task, arguments that give the same value when the lambda reads them later, and a
/// result that is used only by the one EndInvoke in the same function.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DelegateAsyncInvocationCodeFix)), Shared]
public sealed class DelegateAsyncInvocationCodeFix : InvocationCodeFix
{
    public const string Title = "Run the delegate with Task.Run";

    public DelegateAsyncInvocationCodeFix()
        : base(RuleIds.DelegateAsyncInvocation, Title, nameof(DelegateAsyncInvocationCodeFix))
    {
    }

    protected override Func<SyntaxNode, SyntaxNode>? PlanEdit(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        => Plan(invocation, model, cancellationToken) is { } plan ? plan.Apply : null;

    private static Rewrite? Plan(InvocationExpressionSyntax beginInvoke, SemanticModel model, CancellationToken cancellationToken)
    {
        if (beginInvoke.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: DelegateAsyncInvocationAnalyzer.BeginInvoke } memberAccess
            || model.GetSymbolInfo(beginInvoke, cancellationToken).Symbol is not IMethodSymbol method
            || method.ContainingType.DelegateInvokeMethod is not { } invoke
            || invoke.Parameters.Any(parameter => parameter.RefKind != RefKind.None)
            || IsAwaitable(invoke.ReturnType)
            || beginInvoke.ArgumentList.Arguments.Count != invoke.Parameters.Length + 2
            || beginInvoke.ArgumentList.Arguments.Any(argument => argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return null;
        }

        var arguments = beginInvoke.ArgumentList.Arguments;
        if (!IsNull(arguments[arguments.Count - 2].Expression, model, cancellationToken) || !IsNull(arguments[arguments.Count - 1].Expression, model, cancellationToken))
        {
            return null; // a callback or state object needs a continuation, which is a design decision
        }

        var function = EnclosingFunction(beginInvoke);
        if (function is null
            || !StableExpressions.IsStable(memberAccess.Expression, model, function, cancellationToken)
            || arguments.Take(invoke.Parameters.Length).Any(argument => !StableExpressions.IsStable(argument.Expression, model, function, cancellationToken)))
        {
            return null;
        }

        var taskRun = TaskRun(memberAccess.Expression, arguments.Take(invoke.Parameters.Length));
        switch (beginInvoke.Parent)
        {
            case ExpressionStatementSyntax:
                // Fire and forget: the result was never observed, and an unobserved task behaves the same.
                return new Rewrite(beginInvoke, taskRun.WithTriviaFrom(beginInvoke), null, null);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } } declaration } declarator }:
                return PlanWithEndInvoke(beginInvoke, memberAccess.Expression, taskRun, declaration, declarator, function, model, cancellationToken);
            default:
                return null;
        }
    }

    private static Rewrite? PlanWithEndInvoke(
        InvocationExpressionSyntax beginInvoke,
        ExpressionSyntax target,
        ExpressionSyntax taskRun,
        VariableDeclarationSyntax declaration,
        VariableDeclaratorSyntax declarator,
        SyntaxNode function,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol result)
        {
            return null;
        }

        var uses = function.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(identifier => identifier.Identifier.ValueText == result.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, result))
            .ToList();

        // The IAsyncResult must go to exactly one EndInvoke on the same delegate, in the same function (not a callback).
        if (uses.Count != 1
            || uses[0].Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax endInvoke } }
            || endInvoke.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: DelegateAsyncInvocationAnalyzer.EndInvoke } endAccess
            || !SyntaxFactory.AreEquivalent(StableExpressions.Unparenthesize(endAccess.Expression), StableExpressions.Unparenthesize(target))
            || EnclosingFunction(endInvoke) != function
            || endInvoke.SpanStart < beginInvoke.Span.End)
        {
            return null;
        }

        var newDeclaration = declaration.ReplaceNode(beginInvoke, taskRun.WithTriviaFrom(beginInvoke));
        newDeclaration = newDeclaration.WithType(declaration.Type.IsVar ? newDeclaration.Type : IdentifierName("var").WithTriviaFrom(declaration.Type));

        var task = IdentifierName(result.Name);
        ExpressionSyntax wait = CanAwait(endInvoke, function)
            ? AwaitExpression(task)
            : InvocationExpression(MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, task, IdentifierName("GetAwaiter"))),
                IdentifierName("GetResult")));
        wait = ParenthesizedExpression(wait).WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(endInvoke);
        return new Rewrite(declaration, newDeclaration, endInvoke, wait);
    }

    /// <summary><c>System.Threading.Tasks.Task.Run(() =&gt; target(arguments))</c>, simplified to <c>Task.Run</c> with a using added.</summary>
    private static ExpressionSyntax TaskRun(ExpressionSyntax target, System.Collections.Generic.IEnumerable<ArgumentSyntax> arguments)
    {
        var call = InvocationExpression(target.WithoutTrivia(), ArgumentList(SeparatedList(arguments.Select(argument => argument.WithoutTrivia()))));
        var taskType = ParseTypeName("System.Threading.Tasks.Task").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, taskType, IdentifierName("Run")),
            ArgumentList(SingletonSeparatedList(Argument(ParenthesizedLambdaExpression(call)))));
    }

    private static bool CanAwait(SyntaxNode node, SyntaxNode function)
    {
        var isAsync = function switch
        {
            MethodDeclarationSyntax methodDeclaration => methodDeclaration.Modifiers.Any(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax localFunction => localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword),
            AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            _ => false,
        };

        // await is not allowed inside lock, and changes nothing worth the risk inside query clauses.
        return isAsync && !node.Ancestors().TakeWhile(ancestor => ancestor != function).Any(ancestor => ancestor is LockStatementSyntax or QueryExpressionSyntax);
    }

    private static SyntaxNode? EnclosingFunction(SyntaxNode node)
        => node.Ancestors().FirstOrDefault(ancestor => ancestor is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);

    private static bool IsNull(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        return constant.HasValue && constant.Value is null;
    }

    private static bool IsAwaitable(ITypeSymbol type)
        => type.Name is "Task" or "ValueTask"
            && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    /// <summary>The one or two replacements, applied together so that the EndInvoke is never left pointing at a Task.</summary>
    private sealed class Rewrite
    {
        private readonly SyntaxNode _first;
        private readonly SyntaxNode _firstReplacement;
        private readonly SyntaxNode? _second;
        private readonly SyntaxNode? _secondReplacement;

        public Rewrite(SyntaxNode first, SyntaxNode firstReplacement, SyntaxNode? second, SyntaxNode? secondReplacement)
        {
            _first = first;
            _firstReplacement = firstReplacement;
            _second = second;
            _secondReplacement = secondReplacement;
        }

        public SyntaxNode Apply(SyntaxNode root)
            => root.ReplaceNodes(
                _second is null ? new[] { _first } : new[] { _first, _second },
                (original, _) => original == _first ? _firstReplacement : _secondReplacement!);
    }
}
