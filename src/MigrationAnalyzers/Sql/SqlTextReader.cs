using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// The SQL text of a C# expression as far as it is known at compile time: literals, constants, verbatim and raw
/// strings and constant concatenation through the compiler's constant value; interpolated strings and
/// concatenations with parts that are not constant keep the known text and put <c>{expression}</c> where a value
/// is only known at run time (the tokenizer reads that as one name).
/// </summary>
public static class SqlTextReader
{
    public static string? Read(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        if (constant.HasValue)
        {
            return constant.Value as string;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Read(model, parenthesized.Expression, cancellationToken);
            case BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddExpression):
                var left = Read(model, binary.Left, cancellationToken);
                var right = Read(model, binary.Right, cancellationToken);
                return left is null && right is null ? null : (left ?? Hole(binary.Left)) + (right ?? Hole(binary.Right));
            case InterpolatedStringExpressionSyntax interpolated:
                var builder = new StringBuilder();
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        builder.Append(text.TextToken.ValueText);
                    }
                    else if (content is InterpolationSyntax hole)
                    {
                        var value = model.GetConstantValue(hole.Expression, cancellationToken);
                        builder.Append(value.HasValue && value.Value is not null ? System.Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) : Hole(hole.Expression));
                    }
                }

                return builder.ToString();
            default:
                return null;
        }
    }

    private static string Hole(ExpressionSyntax expression) => "{" + expression.ToString().Replace("}", ")") + "}";
}
