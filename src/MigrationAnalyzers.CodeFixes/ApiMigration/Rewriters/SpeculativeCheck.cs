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
            return FitsWhereTheOriginalStood(model, original, replacement);
        }

        // Expressions without a symbol (a lambda, a literal) are fine when they have a type.
        var type = model.GetSpeculativeTypeInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression).Type;
        return replacement is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or ObjectCreationExpressionSyntax)
            && type is not null && type.TypeKind != TypeKind.Error;
    }

    /// <summary>
    /// The replacement may have another type than the original (<c>SHA256.Create()</c> for <c>new SHA256Managed()</c>):
    /// it must still convert to what the context expects, unless the context adapts to it (a <c>var</c> declaration,
    /// a discarded expression statement). <c>SHA256Managed sha = SHA256.Create()</c> would not compile.
    /// </summary>
    private static bool FitsWhereTheOriginalStood(SemanticModel model, SyntaxNode original, ExpressionSyntax replacement)
    {
        if (original is not ExpressionSyntax expression
            || expression.Parent is ExpressionStatementSyntax
            || expression.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } })
        {
            return true;
        }

        var expected = model.GetTypeInfo(expression).ConvertedType;
        if (expected is null || expected.TypeKind == TypeKind.Error || expected.SpecialType == SpecialType.System_Void)
        {
            return true;
        }

        var conversion = model.ClassifyConversion(expression.SpanStart, replacement, expected);
        return conversion.Exists && conversion.IsImplicit;
    }

    public static bool TypeBinds(SemanticModel model, SyntaxNode original, TypeSyntax replacement)
    {
        var type = model.GetSpeculativeTypeInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        return type is not null && type.TypeKind != TypeKind.Error;
    }

    public static bool AttributeBinds(SemanticModel model, AttributeSyntax original, AttributeSyntax replacement)
        => model.GetSpeculativeSymbolInfo(original.SpanStart, replacement).Symbol is IMethodSymbol;
}
