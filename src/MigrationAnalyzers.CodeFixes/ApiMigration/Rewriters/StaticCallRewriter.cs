using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary>
/// <c>move Namespace.Type.Member</c> (a static member moves to another type: <c>Thread.VolatileRead(ref x)</c> →
/// <c>Volatile.Read(ref x)</c>) and <c>factory Namespace.Type.Create</c> (<c>new SHA256Managed()</c> → <c>SHA256.Create()</c>):
/// the arguments are kept exactly as written.
/// </summary>
internal static class StaticCallRewriter
{
    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model)
    {
        var target = RuleResolver.ResolveType(rewrite.TargetTypeName, model.Compilation);
        if (target is null)
        {
            return null;
        }

        var member = SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            ChangeTypeRewriter.QualifiedName(target, typeArguments: null),
            SyntaxFactory.IdentifierName(rewrite.TargetMemberName));
        ExpressionSyntax original;
        ExpressionSyntax replacement;
        if (rewrite.Kind == RewriteKind.Factory)
        {
            if (reported is not BaseObjectCreationExpressionSyntax creation || creation.Initializer is not null)
            {
                // An object initializer has no place on a factory call.
                return null;
            }

            original = creation;
            replacement = SyntaxFactory.InvocationExpression(member, creation.ArgumentList ?? SyntaxFactory.ArgumentList());
        }
        else
        {
            original = CallSite.Expression(reported);
            replacement = original is InvocationExpressionSyntax invocation
                ? invocation.WithExpression(member)
                : member;
        }

        replacement = TemplateExpander.MarkQualifiedNames(replacement).WithTriviaFrom(original);
        return SpeculativeCheck.ExpressionBinds(model, original, replacement) ? new RewritePlan(original, replacement) : null;
    }
}
