using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary>Binds a replacement where the original stands, so a fix that would not compile is never offered.</summary>
internal static class SpeculativeCheck
{
    public static bool ExpressionBinds(SemanticModel model, SyntaxNode original, ExpressionSyntax replacement)
    {
        var info = model.GetSpeculativeSymbolInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression);
        if (info.Symbol is not null)
        {
            return true;
        }

        // Expressions without a symbol (a lambda, a literal) are fine when they have a type.
        var type = model.GetSpeculativeTypeInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression).Type;
        return replacement is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or ObjectCreationExpressionSyntax)
            && type is not null && type.TypeKind != TypeKind.Error;
    }

    public static bool TypeBinds(SemanticModel model, SyntaxNode original, TypeSyntax replacement)
    {
        var type = model.GetSpeculativeTypeInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        return type is not null && type.TypeKind != TypeKind.Error;
    }

    public static bool AttributeBinds(SemanticModel model, AttributeSyntax original, AttributeSyntax replacement)
        => model.GetSpeculativeSymbolInfo(original.SpanStart, replacement).Symbol is IMethodSymbol;
}
