using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>Reads the arguments of a call by parameter name, whether they were written by position or by name.</summary>
internal static class ArgumentReader
{
    public static OperationArguments ByParameterName(
        SemanticModel model,
        InvocationExpressionSyntax invocation,
        IMethodSymbol? method,
        CancellationToken cancellationToken)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var builder = new OperationArguments.Builder(arguments.Count);
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            var name = argument.NameColon?.Name.Identifier.ValueText;
            if (name is null && method is not null)
            {
                if (index < method.Parameters.Length)
                {
                    name = method.Parameters[index].Name;
                }
                else if (method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams)
                {
                    // Further params values belong to the last parameter; the first one stands for it.
                    continue;
                }
            }

            if (name is not null && !builder.ContainsKey(name))
            {
                builder.TryAdd(name, Read(model, name, argument.Expression, cancellationToken));
            }
        }

        return builder.ToArguments();
    }

    public static OperationArgument Read(SemanticModel model, string name, ExpressionSyntax expression, CancellationToken cancellationToken)
        => new OperationArgument(name, expression, model.GetConstantValue(expression, cancellationToken));

    public static IMethodSymbol? ResolveMethod(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(invocation, cancellationToken);
        if (info.Symbol is IMethodSymbol method)
        {
            return method;
        }

        // Broken or ambiguous code: a single candidate is still a good guess for mapping parameter names.
        return info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null;
    }

    /// <summary>
    /// The string values of a column list argument: <c>"A"</c>, <c>new[] { "A", "B" }</c>, <c>new string[] { … }</c>,
    /// or constant expressions of those.
    /// </summary>
    public static ImmutableArray<string> StringList(SemanticModel model, OperationArgument? argument, CancellationToken cancellationToken)
    {
        if (argument is null)
        {
            return ImmutableArray<string>.Empty;
        }

        if (argument.StringValue is { } single)
        {
            return ImmutableArray.Create(single);
        }

        if (model.GetOperation(argument.Syntax, cancellationToken) is IArrayCreationOperation { Initializer: { } initializer })
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var element in initializer.ElementValues)
            {
                if (element.ConstantValue.HasValue && element.ConstantValue.Value is string text)
                {
                    builder.Add(text);
                }
                else
                {
                    return ImmutableArray<string>.Empty;
                }
            }

            return builder.ToImmutable();
        }

        return ImmutableArray<string>.Empty;
    }
}
