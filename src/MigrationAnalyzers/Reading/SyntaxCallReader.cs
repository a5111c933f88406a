using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Reads EF Core calls without binding the method body: <c>migrationBuilder.Xxx(…)</c> where <c>migrationBuilder</c>
/// is the method's own <c>MigrationBuilder</c> parameter, the method one of the builder's own (never an extension), its
/// overload the only one the arguments apply to (<see cref="OverloadChoice"/>), and every argument one the syntax
/// settles (<see cref="SyntaxArguments"/>); the same for the column and constraint calls in CreateTable's lambdas.
/// Whatever leaves a doubt sets <see cref="Failed"/>, and the statement is read through the semantic model instead.
/// What the syntax cannot give: a generic method whose type argument is inferred (CreateTable's anonymous column
/// type) is the method's definition, and the column and constraint calls are members of <c>CreateTableBuilder&lt;TColumns&gt;</c>
/// as declared; rules only ask whether an operation has a method, never which construction.
/// </summary>
internal sealed class SyntaxCallReader : EfCallReader
{
    private readonly SyntaxArguments _syntax;
    private readonly MigrationSymbols _symbols;
    private readonly string _builderName;
    private InvocationExpressionSyntax? _lastCall;
    private SyntaxArgument[] _lastValues = System.Array.Empty<SyntaxArgument>();

    private SyntaxCallReader(SyntaxArguments syntax, MigrationSymbols symbols, string builderName)
    {
        _syntax = syntax;
        _symbols = symbols;
        _builderName = builderName;
    }

    /// <summary>Null unless the method takes EF Core's <c>MigrationBuilder</c> itself (a subclass may hide its methods).</summary>
    public static SyntaxCallReader? For(SyntaxArguments syntax, MigrationSymbols symbols, IParameterSymbol? builderParameter)
        => builderParameter is { RefKind: RefKind.None } parameter
           && symbols.EfMigrationBuilder is { } builder
           && SymbolEqualityComparer.Default.Equals(parameter.Type, builder)
           && parameter.Name.Length > 0
            ? new SyntaxCallReader(syntax, symbols, parameter.Name)
            : null;

    /// <summary>Set when anything in the statement was not read with certainty; reset before each statement.</summary>
    public bool Failed { get; set; }

    public override bool IsBuilder(ExpressionSyntax receiver)
        => receiver is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == _builderName;

    public override bool Accepts(string methodName)
    {
        // Provider extensions and the user's helpers need their symbols to be told apart: the semantic model reads them.
        if (!EfCoreOperationReader.Kinds.ContainsKey(methodName))
        {
            Failed = true;
            return false;
        }

        return true;
    }

    public override Optional<object?> Constant(ExpressionSyntax expression)
    {
        if (_syntax.Read(expression) is { } value)
        {
            return value.ConstantValue;
        }

        Failed = true;
        return default;
    }

    public override OperationArgument Read(string name, ExpressionSyntax expression) => new OperationArgument(name, expression, Constant(expression));

    public override IMethodSymbol? ResolveMethod(InvocationExpressionSyntax invocation, EfCallSite site, string? receiver)
    {
        var owner = site switch
        {
            EfCallSite.Builder => _symbols.EfMigrationBuilder,
            EfCallSite.Column => _symbols.EfColumnsBuilder,
            _ => _symbols.EfCreateTableBuilder,
        };

        if (owner is null
            || invocation.Expression is not MemberAccessExpressionSyntax memberAccess
            || (site != EfCallSite.Builder && (receiver is null || memberAccess.Expression is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != receiver))
            || Values(invocation) is not { } values
            || TypeArguments(memberAccess.Name) is not { } typeArguments
            || OverloadChoice.Choose(_syntax.Compilation, owner, memberAccess.Name.Identifier.ValueText, invocation.ArgumentList.Arguments, values, typeArguments) is not { } method
            || (site == EfCallSite.Builder && IsBuilderType(method.ReturnType)))
        {
            Failed = true;
            return null;
        }

        return method;
    }

    public override OperationArguments Arguments(InvocationExpressionSyntax invocation, IMethodSymbol? method)
    {
        // As ArgumentReader.ByParameterName maps them; a method was always found, and never with params.
        var values = Values(invocation);
        if (method is null || values is null)
        {
            Failed = true;
            return OperationArguments.Empty;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var builder = new OperationArguments.Builder(arguments.Count);
        for (var index = 0; index < arguments.Count; index++)
        {
            var name = arguments[index].NameColon?.Name.Identifier.ValueText ?? (index < method.Parameters.Length ? method.Parameters[index].Name : null);
            if (name is not null && !builder.ContainsKey(name))
            {
                builder.TryAdd(name, new OperationArgument(name, arguments[index].Expression, values[index].ConstantValue));
            }
        }

        return builder.ToArguments();
    }

    public override ImmutableArray<string> StringList(OperationArgument? argument)
    {
        if (argument is null)
        {
            return ImmutableArray<string>.Empty;
        }

        if (argument.StringValue is { } single)
        {
            return ImmutableArray.Create(single);
        }

        var elements = argument.Syntax switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            ArrayCreationExpressionSyntax { Type.ElementType: PredefinedTypeSyntax { Keyword.ValueText: "string" }, Initializer: { } initializer } => initializer.Expressions,
            ArrayCreationExpressionSyntax => default(SeparatedSyntaxList<ExpressionSyntax>?),
            _ => new SeparatedSyntaxList<ExpressionSyntax>(),
        };

        if (elements is not { } strings)
        {
            // An array of another element type: its elements are converted, which the syntax does not show.
            Failed = true;
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var element in strings)
        {
            var value = Constant(element);
            if (value.HasValue && value.Value is string text)
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

    public override string? SqlTemplate(OperationArgument sql)
    {
        // What the syntax reads is a constant or an expression SqlTextReader gives nothing for (typeof, new, a field).
        return sql.ConstantValue.HasValue ? sql.ConstantValue.Value as string : null;
    }

    private SyntaxArgument[]? Values(InvocationExpressionSyntax invocation)
    {
        if (ReferenceEquals(invocation, _lastCall))
        {
            return _lastValues;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var values = new SyntaxArgument[arguments.Count];
        for (var index = 0; index < arguments.Count; index++)
        {
            if (_syntax.Read(arguments[index].Expression) is not { } value)
            {
                return null;
            }

            values[index] = value;
        }

        _lastCall = invocation;
        _lastValues = values;
        return values;
    }

    private ImmutableArray<ITypeSymbol>? TypeArguments(SimpleNameSyntax name)
    {
        if (name is not GenericNameSyntax generic)
        {
            return ImmutableArray<ITypeSymbol>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<ITypeSymbol>();
        foreach (var argument in generic.TypeArgumentList.Arguments)
        {
            if (argument is OmittedTypeArgumentSyntax || _syntax.TypeOf(argument) is not { } type)
            {
                return null;
            }

            builder.Add(type);
        }

        return builder.ToImmutable();
    }

    private bool IsBuilderType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _symbols.EfMigrationBuilder))
            {
                return true;
            }
        }

        return false;
    }
}
