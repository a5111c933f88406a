using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>Reads calls through the semantic model: every shape of code, at the price of binding the body.</summary>
internal sealed class SemanticCallReader : EfCallReader
{
    private readonly SemanticModel _model;
    private readonly MigrationSymbols _symbols;
    private readonly IParameterSymbol? _builderParameter;
    private readonly CancellationToken _cancellationToken;

    public SemanticCallReader(SemanticModel model, MigrationSymbols symbols, IParameterSymbol? builderParameter, CancellationToken cancellationToken)
    {
        _model = model;
        _symbols = symbols;
        _builderParameter = builderParameter;
        _cancellationToken = cancellationToken;
    }

    public override bool IsBuilder(ExpressionSyntax receiver)
    {
        var symbol = _model.GetSymbolInfo(receiver, _cancellationToken).Symbol;
        if (_builderParameter is not null && SymbolEqualityComparer.Default.Equals(symbol, _builderParameter))
        {
            return true;
        }

        var type = _model.GetTypeInfo(receiver, _cancellationToken).Type;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _symbols.EfMigrationBuilder))
            {
                return true;
            }
        }

        return false;
    }

    public override bool Accepts(string methodName) => true;

    public override Optional<object?> Constant(ExpressionSyntax expression) => _model.GetConstantValue(expression, _cancellationToken);

    public override OperationArgument Read(string name, ExpressionSyntax expression) => ArgumentReader.Read(_model, name, expression, _cancellationToken);

    public override IMethodSymbol? ResolveMethod(InvocationExpressionSyntax invocation, EfCallSite site, string? receiver)
        => ArgumentReader.ResolveMethod(_model, invocation, _cancellationToken);

    public override OperationArguments Arguments(InvocationExpressionSyntax invocation, IMethodSymbol? method)
        => ArgumentReader.ByParameterName(_model, invocation, method, _cancellationToken);

    public override ImmutableArray<string> StringList(OperationArgument? argument) => ArgumentReader.StringList(_model, argument, _cancellationToken);

    public override string? SqlTemplate(OperationArgument sql) => Sql.SqlTextReader.Read(_model, sql.Syntax, _cancellationToken);
}
