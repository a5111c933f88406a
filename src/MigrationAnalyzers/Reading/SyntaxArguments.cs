using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Reads argument expressions of a migration method without binding its body: literals, a minus before a number,
/// concatenated string literals, <c>typeof</c>, arrays, <c>new T(…)</c>, lambdas without parameter types, and names of
/// fields and properties (<c>ReferentialAction.Cascade</c>, a constant of the class). Names are bound on their own at
/// a position in the type, outside every body, which gives what the body gives unless a name declared in the method
/// (a parameter, a local, a lambda parameter) hides it; such names are not read. Null for anything else: the
/// caller then reads the statement through the semantic model.
/// </summary>
internal sealed class SyntaxArguments
{
    private readonly SemanticModel _model;
    private readonly SyntaxNode _method;
    private readonly int _position;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, ITypeSymbol?> _types = new Dictionary<string, ITypeSymbol?>();
    private readonly Dictionary<string, SymbolInfo> _names = new Dictionary<string, SymbolInfo>();
    private HashSet<string>? _declaredInMethod;

    private readonly TypeDeclarationSyntax _container;
    private readonly INamedTypeSymbol _containingType;
    private TypeLevelNames.Scope? _scope;
    private bool _scopeKnown;

    /// <param name="containingType">The type <paramref name="container"/> declares: the method's symbol knows it, so it is not looked up again.</param>
    public SyntaxArguments(SemanticModel model, MethodDeclarationSyntax method, TypeDeclarationSyntax container, INamedTypeSymbol containingType, CancellationToken cancellationToken)
    {
        _model = model;
        _method = method;
        _container = container;
        _containingType = containingType;
        _position = container.OpenBraceToken.Span.End;
        _cancellationToken = cancellationToken;
    }

    public Compilation Compilation => _model.Compilation;

    public SyntaxArgument? Read(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return Literal(literal);
            case PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax number } negated
                when negated.IsKind(SyntaxKind.UnaryMinusExpression) && number.IsKind(SyntaxKind.NumericLiteralExpression):
                return Negated(negated, number.Token.Value);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Concatenation(binary);
            case TypeOfExpressionSyntax:
                return Compilation.GetTypeByMetadataName("System.Type") is { } type ? SyntaxArgument.Typed(expression, type, default) : null;
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                return StringArray(implicitArray, implicitArray.Commas.Count, implicitArray.Initializer);
            case ArrayCreationExpressionSyntax array:
                return Array(array);
            case ObjectCreationExpressionSyntax created:
                // The type alone decides what the argument converts to; what the constructor is given does not matter.
                return TypeOf(created.Type) is { } createdType ? SyntaxArgument.Typed(expression, createdType, default) : null;
            case SimpleLambdaExpressionSyntax simple when simple.Modifiers.Count == 0 && simple.Parameter.Type is null:
                return SyntaxArgument.Lambda(expression, 1);
            case ParenthesizedLambdaExpressionSyntax lambda when lambda.Modifiers.Count == 0 && lambda.ReturnType is null && HasUntypedParameters(lambda):
                return SyntaxArgument.Lambda(expression, lambda.ParameterList.Parameters.Count);
            case IdentifierNameSyntax:
            case MemberAccessExpressionSyntax:
                return Name(expression);
            default:
                return null;
        }
    }

    /// <summary>The type a type argument or <c>new T</c> names, bound at the type's position; null when not certain.</summary>
    public ITypeSymbol? TypeOf(TypeSyntax type)
    {
        // int, string, int?, byte[]: a keyword means the same type everywhere, so no binding is asked for.
        if (Predefined(type) is { } predefined)
        {
            return predefined;
        }

        var text = type.ToString();
        if (!_types.TryGetValue(text, out var symbol))
        {
            symbol = Scope() is { } scope ? scope.Type(type, text, () => BindType(type)) : BindType(type);
            _types[text] = symbol;
        }

        return symbol;
    }

    private ITypeSymbol? BindType(TypeSyntax type)
    {
        var info = _model.GetSpeculativeTypeInfo(_position, type, SpeculativeBindingOption.BindAsTypeOrNamespace);
        return info.Type is { TypeKind: not TypeKind.Error } bound && !ContainsError(bound) ? bound : null;
    }

    /// <summary>The classes this one shares what names mean with (<see cref="TypeLevelNames"/>); null when none.</summary>
    private TypeLevelNames.Scope? Scope()
    {
        if (!_scopeKnown)
        {
            _scope = TypeLevelNames.For(Compilation).ScopeOf(_model, _container, _containingType, _cancellationToken);
            _scopeKnown = true;
        }

        return _scope;
    }

    private ITypeSymbol? Predefined(TypeSyntax type)
    {
        switch (type)
        {
            case PredefinedTypeSyntax keyword when SpecialTypeOfKeyword(keyword.Keyword.Kind()) is { } special:
                return Compilation.GetSpecialType(special) is { TypeKind: not TypeKind.Error } bound ? bound : null;
            case NullableTypeSyntax { ElementType: PredefinedTypeSyntax keyword } when Predefined(keyword) is { IsValueType: true } element:
                return Compilation.GetSpecialType(SpecialType.System_Nullable_T) is { TypeKind: not TypeKind.Error } nullable ? nullable.Construct(element) : null;
            case ArrayTypeSyntax { ElementType: PredefinedTypeSyntax keyword, RankSpecifiers.Count: 1 } array
                when array.RankSpecifiers[0].Rank == 1 && Predefined(keyword) is { } element:
                return Compilation.CreateArrayTypeSymbol(element);
            default:
                return null;
        }
    }

    private static SpecialType? SpecialTypeOfKeyword(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
        SyntaxKind.ByteKeyword => SpecialType.System_Byte,
        SyntaxKind.SByteKeyword => SpecialType.System_SByte,
        SyntaxKind.ShortKeyword => SpecialType.System_Int16,
        SyntaxKind.UShortKeyword => SpecialType.System_UInt16,
        SyntaxKind.IntKeyword => SpecialType.System_Int32,
        SyntaxKind.UIntKeyword => SpecialType.System_UInt32,
        SyntaxKind.LongKeyword => SpecialType.System_Int64,
        SyntaxKind.ULongKeyword => SpecialType.System_UInt64,
        SyntaxKind.FloatKeyword => SpecialType.System_Single,
        SyntaxKind.DoubleKeyword => SpecialType.System_Double,
        SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
        SyntaxKind.CharKeyword => SpecialType.System_Char,
        SyntaxKind.StringKeyword => SpecialType.System_String,
        SyntaxKind.ObjectKeyword => SpecialType.System_Object,
        _ => null,
    };

    private SyntaxArgument? Literal(LiteralExpressionSyntax literal)
    {
        var value = literal.Token.Value;
        switch (literal.Kind())
        {
            case SyntaxKind.NullLiteralExpression:
                return SyntaxArgument.Null(literal);
            case SyntaxKind.TrueLiteralExpression:
            case SyntaxKind.FalseLiteralExpression:
            case SyntaxKind.StringLiteralExpression:
            case SyntaxKind.CharacterLiteralExpression:
            case SyntaxKind.NumericLiteralExpression:
                return SpecialTypeOf(value) is { } special && value is not null
                    ? SyntaxArgument.Typed(literal, Compilation.GetSpecialType(special), new Optional<object?>(value))
                    : null;
            default:
                // default, __arglist, UTF-8 strings: not read.
                return null;
        }
    }

    private SyntaxArgument? Negated(ExpressionSyntax expression, object? value)
    {
        // Unsigned literals (2147483648 is a uint) follow rules of their own: not read.
        object? negated = value switch
        {
            int number => -number,
            long number => -number,
            double number => -number,
            float number => -number,
            decimal number => -number,
            _ => null,
        };

        return negated is not null && SpecialTypeOf(negated) is { } special
            ? SyntaxArgument.Typed(expression, Compilation.GetSpecialType(special), new Optional<object?>(negated))
            : null;
    }

    /// <summary>
    /// <c>"ALTER TABLE " + Tables.Users</c>: string constants on both sides, folded as the compiler folds them. Anything
    /// else (a number, a value only known at run time) is not read: the SQL reader shows such parts as holes.
    /// </summary>
    private SyntaxArgument? Concatenation(BinaryExpressionSyntax binary)
    {
        var left = StringOf(binary.Left);
        var right = StringOf(binary.Right);
        return left is not null && right is not null
            ? SyntaxArgument.Typed(binary, Compilation.GetSpecialType(SpecialType.System_String), new Optional<object?>(left + right))
            : null;

        string? StringOf(ExpressionSyntax part)
            => Read(part) is { Type.SpecialType: SpecialType.System_String, ConstantValue: { HasValue: true, Value: string text } } ? text : null;
    }

    /// <summary><c>new[] { "A", "B" }</c>: only string elements, where the element type is not in doubt.</summary>
    private SyntaxArgument? StringArray(ExpressionSyntax expression, int commas, InitializerExpressionSyntax initializer)
    {
        if (commas != 0 || initializer.Expressions.Count == 0)
        {
            return null;
        }

        foreach (var element in initializer.Expressions)
        {
            if (Read(element) is not { Type.SpecialType: SpecialType.System_String })
            {
                return null;
            }
        }

        return SyntaxArgument.Typed(expression, Compilation.CreateArrayTypeSymbol(Compilation.GetSpecialType(SpecialType.System_String)), default);
    }

    /// <summary><c>new string[] { … }</c>, <c>new object[,] { … }</c>: the written type, without sizes.</summary>
    private SyntaxArgument? Array(ArrayCreationExpressionSyntax array)
    {
        if (array.Initializer is null || array.Type.RankSpecifiers.Count != 1)
        {
            return null;
        }

        foreach (var size in array.Type.RankSpecifiers[0].Sizes)
        {
            if (size is not OmittedArraySizeExpressionSyntax)
            {
                return null;
            }
        }

        return array.Type.ElementType is not ArrayTypeSyntax && TypeOf(array.Type.ElementType) is { } element
            ? SyntaxArgument.Typed(array, Compilation.CreateArrayTypeSymbol(element, array.Type.RankSpecifiers[0].Rank), default)
            : null;
    }

    /// <summary><c>ReferentialAction.Cascade</c>, <c>Tables.Users</c>, <c>Schema</c>: a field or property, with its constant.</summary>
    private SyntaxArgument? Name(ExpressionSyntax expression)
    {
        var leftmost = expression;
        while (leftmost is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Name is IdentifierNameSyntax)
        {
            leftmost = access.Expression;
        }

        if (leftmost is not IdentifierNameSyntax identifier || DeclaredInMethod().Contains(identifier.Identifier.ValueText))
        {
            return null;
        }

        switch (BoundAtType(expression).Symbol)
        {
            case IFieldSymbol field when !ContainsError(field.Type):
                return SyntaxArgument.Typed(expression, field.Type, field.HasConstantValue ? new Optional<object?>(field.ConstantValue) : default);
            case IPropertySymbol { IsIndexer: false } property when !ContainsError(property.Type):
                return SyntaxArgument.Typed(expression, property.Type, default);
            default:
                return null;
        }
    }

    /// <summary>
    /// What a simple name written in the method means, bound at the type's position: the same symbol binding the body
    /// gives, as the method declares no name of that spelling. Null when it does, or when the name does not bind there.
    /// </summary>
    public ISymbol? SymbolOfName(IdentifierNameSyntax name)
    {
        if (DeclaredInMethod().Contains(name.Identifier.ValueText))
        {
            return null;
        }

        return BoundAtType(name).Symbol;
    }

    /// <summary>
    /// The methods a simple name written in the method can call, bound at the type's position (the method group, or
    /// the one method); empty when the method declares the name or it names something else.
    /// </summary>
    public ImmutableArray<IMethodSymbol> MethodsOfName(IdentifierNameSyntax name)
    {
        if (DeclaredInMethod().Contains(name.Identifier.ValueText))
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        var info = BoundAtType(name);
        if (info.Symbol is IMethodSymbol method)
        {
            return ImmutableArray.Create(method);
        }

        // Bound alone, outside an invocation and in no instance member, a method name gives no one symbol: the
        // methods it names are the candidates, whatever the reason given (a member group, an instance mismatch).
        var methods = ImmutableArray.CreateBuilder<IMethodSymbol>(info.CandidateSymbols.Length);
        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is not IMethodSymbol candidateMethod)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            methods.Add(candidateMethod);
        }

        return methods.MoveToImmutable();
    }

    /// <summary>A name bound on its own at the type's position, once per spelling.</summary>
    private SymbolInfo BoundAtType(ExpressionSyntax expression)
    {
        var text = expression.ToString();
        if (!_names.TryGetValue(text, out var info))
        {
            info = Scope() is { } scope ? scope.Name(expression, text, () => BindName(expression)) : BindName(expression);
            _names[text] = info;
        }

        return info;
    }

    private SymbolInfo BindName(ExpressionSyntax expression)
        => _model.GetSpeculativeSymbolInfo(_position, expression, SpeculativeBindingOption.BindAsExpression);

    /// <summary>Every name the method declares (parameters, locals, lambda parameters, local functions, range variables).</summary>
    private HashSet<string> DeclaredInMethod()
    {
        if (_declaredInMethod is not null)
        {
            return _declaredInMethod;
        }

        var names = new HashSet<string>();
        foreach (var node in _method.DescendantNodes())
        {
            var declared = node switch
            {
                ParameterSyntax parameter => parameter.Identifier,
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax loop => loop.Identifier,
                CatchDeclarationSyntax caught => caught.Identifier,
                LocalFunctionStatementSyntax function => function.Identifier,
                TypeParameterSyntax typeParameter => typeParameter.Identifier,
                FromClauseSyntax from => from.Identifier,
                LetClauseSyntax let => let.Identifier,
                JoinClauseSyntax join => join.Identifier,
                JoinIntoClauseSyntax into => into.Identifier,
                QueryContinuationSyntax continuation => continuation.Identifier,
                _ => default,
            };

            if (declared.RawKind != 0)
            {
                names.Add(declared.ValueText);
            }
        }

        _declaredInMethod = names;
        return names;
    }

    private static bool HasUntypedParameters(ParenthesizedLambdaExpressionSyntax lambda)
    {
        // Without parameters a lambda has a type of its own (C# 10) and converts to object: not read.
        if (lambda.ParameterList.Parameters.Count == 0)
        {
            return false;
        }

        foreach (var parameter in lambda.ParameterList.Parameters)
        {
            if (parameter.Type is not null || parameter.Modifiers.Count > 0 || parameter.Default is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsError(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsError(array.ElementType),
        INamedTypeSymbol { IsGenericType: true } named => AnyError(named.TypeArguments),
        _ => false,
    };

    private static bool AnyError(System.Collections.Immutable.ImmutableArray<ITypeSymbol> types)
    {
        foreach (var type in types)
        {
            if (ContainsError(type))
            {
                return true;
            }
        }

        return false;
    }

    private static SpecialType? SpecialTypeOf(object? value) => value switch
    {
        string => SpecialType.System_String,
        bool => SpecialType.System_Boolean,
        char => SpecialType.System_Char,
        int => SpecialType.System_Int32,
        uint => SpecialType.System_UInt32,
        long => SpecialType.System_Int64,
        ulong => SpecialType.System_UInt64,
        float => SpecialType.System_Single,
        double => SpecialType.System_Double,
        decimal => SpecialType.System_Decimal,
        _ => null,
    };
}
