using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// An argument as the syntax alone says it: its type (to pick the overload) and its compile-time value, both exactly what
/// the compiler would find. Only made for expressions whose type and value the syntax settles (<see cref="SyntaxArguments"/>).
/// </summary>
internal sealed class SyntaxArgument
{
    private SyntaxArgument(ExpressionSyntax syntax, ITypeSymbol? type, Optional<object?> constantValue, int lambdaParameters)
    {
        Syntax = syntax;
        Type = type;
        ConstantValue = constantValue;
        LambdaParameters = lambdaParameters;
    }

    public ExpressionSyntax Syntax { get; }

    /// <summary>The expression's own type; null for the <c>null</c> literal and for lambdas.</summary>
    public ITypeSymbol? Type { get; }

    public Optional<object?> ConstantValue { get; }

    /// <summary>Lambdas: how many parameters they declare; -1 for any other expression.</summary>
    public int LambdaParameters { get; }

    public bool IsNullLiteral => Type is null && LambdaParameters < 0;

    public bool IsLambda => LambdaParameters >= 0;

    public static SyntaxArgument Typed(ExpressionSyntax syntax, ITypeSymbol type, Optional<object?> constantValue)
        => new SyntaxArgument(syntax, type, constantValue, -1);

    public static SyntaxArgument Null(ExpressionSyntax syntax)
        => new SyntaxArgument(syntax, null, new Optional<object?>(null), -1);

    public static SyntaxArgument Lambda(ExpressionSyntax syntax, int parameters)
        => new SyntaxArgument(syntax, null, default, parameters);
}
