using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary>
/// <c>type T:New.Type</c>: the reported type name (in a declaration, <c>new</c>, a generic argument, <c>typeof</c>, a cast
/// or a static access) becomes the new type, keeping its type arguments; the fix imports and shortens it.
/// </summary>
internal static class ChangeTypeRewriter
{
    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model)
    {
        var target = RuleResolver.ResolveType(rewrite.Argument, model.Compilation);
        if (target is null || reported is not ExpressionSyntax)
        {
            return null;
        }

        var replacement = QualifiedName(target, TypeArguments(reported));
        if (!SpeculativeCheck.TypeBinds(model, reported, replacement))
        {
            return null;
        }

        return new RewritePlan(reported, replacement.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation).WithTriviaFrom(reported));
    }

    /// <summary><c>global::Namespace.Type&lt;args&gt;</c>; nested types keep their containing types.</summary>
    public static NameSyntax QualifiedName(INamedTypeSymbol type, TypeArgumentListSyntax? typeArguments)
    {
        var container = type.ContainingType is not null
            ? type.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None))
            : type.ContainingNamespace.IsGlobalNamespace ? "global::" : "global::" + type.ContainingNamespace.ToDisplayString();
        var left = SyntaxFactory.ParseName(container.EndsWith("::", System.StringComparison.Ordinal) ? container.Substring(0, container.Length - 2) : container);
        SimpleNameSyntax right = typeArguments is not null && type.IsGenericType
            ? SyntaxFactory.GenericName(SyntaxFactory.Identifier(type.Name), typeArguments)
            : SyntaxFactory.IdentifierName(type.Name);
        return container == "global::" ? SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), right) : SyntaxFactory.QualifiedName(left, right);
    }

    private static TypeArgumentListSyntax? TypeArguments(SyntaxNode reported) => reported switch
    {
        GenericNameSyntax generic => generic.TypeArgumentList,
        QualifiedNameSyntax { Right: GenericNameSyntax generic } => generic.TypeArgumentList,
        AliasQualifiedNameSyntax { Name: GenericNameSyntax generic } => generic.TypeArgumentList,
        MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } => generic.TypeArgumentList,
        _ => null,
    };
}
