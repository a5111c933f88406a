using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.FrameworkUpgrade;

/// <summary>
/// Decides whether an expression may move into a lambda without changing meaning: the lambda evaluates it later,
/// so it must give the same value then as now. Conservative on purpose: only constants, <c>this</c>, readonly fields,
/// locals or parameters that the enclosing function never writes after declaring them, and built-in operators on those.
/// </summary>
internal static class StableExpressions
{
    public static bool IsStable(ExpressionSyntax expression, SemanticModel model, SyntaxNode function, CancellationToken cancellationToken)
    {
        expression = Unparenthesize(expression);
        if (model.GetConstantValue(expression, cancellationToken).HasValue
            || expression is ThisExpressionSyntax or LiteralExpressionSyntax or DefaultExpressionSyntax or TypeOfExpressionSyntax)
        {
            return true;
        }

        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        switch (expression)
        {
            case IdentifierNameSyntax:
                return symbol switch
                {
                    ILocalSymbol local => !local.IsRef && !IsWritten(local, model, function, cancellationToken),
                    IParameterSymbol parameter => parameter.RefKind == RefKind.None && !IsWritten(parameter, model, function, cancellationToken),
                    IFieldSymbol field => field.IsReadOnly || field.IsConst,
                    _ => false,
                };
            case MemberAccessExpressionSyntax memberAccess:
                if (symbol is not IFieldSymbol { IsReadOnly: true } and not IFieldSymbol { IsConst: true })
                {
                    return false;
                }

                // Type.Field is stable; instance.Field only when the instance is.
                return model.GetSymbolInfo(memberAccess.Expression, cancellationToken).Symbol is INamedTypeSymbol
                    || IsStable(memberAccess.Expression, model, function, cancellationToken);
            case BinaryExpressionSyntax binary:
                // Built-in operators (string concatenation, arithmetic) on stable operands; a user-defined operator might not be pure.
                return (symbol is not IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator })
                    && !binary.IsKind(SyntaxKind.AsExpression)
                    && IsStable(binary.Left, model, function, cancellationToken)
                    && IsStable(binary.Right, model, function, cancellationToken);
            case CastExpressionSyntax cast:
                return symbol is not IMethodSymbol { MethodKind: MethodKind.Conversion } && IsStable(cast.Expression, model, function, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="symbol"/> is assigned, incremented or passed by ref/out anywhere in <paramref name="function"/> (nested lambdas included).</summary>
    private static bool IsWritten(ISymbol symbol, SemanticModel model, SyntaxNode function, CancellationToken cancellationToken)
    {
        foreach (var identifier in function.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != symbol.Name || !IsWriteTarget(identifier))
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWriteTarget(IdentifierNameSyntax identifier)
    {
        ExpressionSyntax node = identifier;
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression),
            PostfixUnaryExpressionSyntax => true,
            ArgumentSyntax { Parent: TupleExpressionSyntax tuple } => IsDeconstructionTarget(tuple),
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    /// <summary><c>(a, b) = …</c>, also nested: every element of the tuple on the left is written.</summary>
    private static bool IsDeconstructionTarget(TupleExpressionSyntax tuple)
    {
        SyntaxNode node = tuple;
        while (node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer })
        {
            node = outer;
        }

        return node.Parent is AssignmentExpressionSyntax assignment && assignment.Left == node;
    }

    public static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
