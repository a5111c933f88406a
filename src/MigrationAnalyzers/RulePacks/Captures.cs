using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// The parts of one matched call, object creation or attribute that templates refer to:
/// <c>{receiver}</c>, <c>{0}</c>… (arguments after the receiver), <c>{name}</c> (by parameter or property name),
/// <c>{args}</c> (all arguments after the receiver, as written) and <c>{T0}</c>… (type arguments).
/// Read from syntax (and the bound symbol when there is one), so calls that no longer compile are captured too.
/// </summary>
public sealed class Captures
{
    private readonly Dictionary<string, SyntaxNode> _values = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);

    /// <summary>For an attribute: the attribute itself, so a condition can look at the member it is on.</summary>
    private AttributeSyntax? _attribute;

    private Captures(ImmutableArray<SyntaxNode> arguments)
    {
        Arguments = arguments;
    }

    /// <summary>The arguments after the receiver, as written (<see cref="ArgumentSyntax"/> or <see cref="AttributeArgumentSyntax"/>).</summary>
    public ImmutableArray<SyntaxNode> Arguments { get; }

    /// <summary>For each argument, the capture names that refer to it (<c>0</c>, the parameter name, the property name).</summary>
    public ImmutableArray<ImmutableArray<string>> ArgumentNames { get; private set; } = ImmutableArray<ImmutableArray<string>>.Empty;

    /// <summary>The expression or type syntax for a capture name, or null when the call does not have it.</summary>
    public SyntaxNode? Get(string name)
    {
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public bool Has(string name) => name == "args" || _values.ContainsKey(name);

    /// <summary>Captures of an invocation (<c>receiver.Name&lt;T&gt;(args)</c>); <paramref name="method"/> is null when the call does not bind.</summary>
    public static Captures ForInvocation(InvocationExpressionSyntax invocation, IMethodSymbol? method)
    {
        var arguments = invocation.ArgumentList.Arguments;
        ExpressionSyntax? receiver = invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        var parameters = method?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        var skip = 0;
        if (method is { IsExtensionMethod: true, ReducedFrom: null, MethodKind: not MethodKind.ReducedExtension } && arguments.Count > 0)
        {
            // Ext.Method(source, …): the first argument is the receiver.
            receiver = arguments[0].Expression;
            parameters = parameters.RemoveAt(0);
            skip = 1;
        }

        var captures = new Captures(ImmutableArray.CreateRange<SyntaxNode>(Skip(arguments, skip)));
        if (receiver is not null)
        {
            captures._values["receiver"] = receiver;
        }

        captures.AddArguments(Skip(arguments, skip), parameters);
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        if (name is GenericNameSyntax generic)
        {
            for (var i = 0; i < generic.TypeArgumentList.Arguments.Count; i++)
            {
                captures._values["T" + i] = generic.TypeArgumentList.Arguments[i];
            }
        }
        else if (method is { IsGenericMethod: true })
        {
            // Inferred type arguments are written out in full; the fix simplifies them.
            for (var i = 0; i < method.TypeArguments.Length; i++)
            {
                captures._values["T" + i] = SyntaxFactory.ParseTypeName(method.TypeArguments[i].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }
        }

        return captures;
    }

    /// <summary>Captures of a property, field or event reference: only <c>{receiver}</c>.</summary>
    public static Captures ForMemberReference(SyntaxNode reference)
    {
        var captures = new Captures(ImmutableArray<SyntaxNode>.Empty);
        if (reference is MemberAccessExpressionSyntax access)
        {
            captures._values["receiver"] = access.Expression;
        }

        return captures;
    }

    /// <summary>Captures of <c>new T(args)</c>.</summary>
    public static Captures ForObjectCreation(BaseObjectCreationExpressionSyntax creation, IMethodSymbol? constructor)
    {
        var arguments = creation.ArgumentList?.Arguments ?? default;
        var captures = new Captures(ImmutableArray.CreateRange<SyntaxNode>(arguments));
        captures.AddArguments(arguments, constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty);
        return captures;
    }

    /// <summary>Captures of an attribute: positional arguments by index and constructor parameter name, named ones by property name.</summary>
    public static Captures ForAttribute(AttributeSyntax attribute, IMethodSymbol? constructor)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var captures = new Captures(ImmutableArray.CreateRange<SyntaxNode>(arguments)) { _attribute = attribute };
        var parameters = constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        var names = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var position = 0;
        foreach (var argument in arguments)
        {
            if (argument.NameEquals is { } nameEquals)
            {
                captures._values[nameEquals.Name.Identifier.ValueText] = argument.Expression;
                names.Add(ImmutableArray.Create(nameEquals.Name.Identifier.ValueText));
            }
            else if (argument.NameColon is { } nameColon)
            {
                captures._values[nameColon.Name.Identifier.ValueText] = argument.Expression;
                names.Add(ImmutableArray.Create(nameColon.Name.Identifier.ValueText));
            }
            else
            {
                var index = position.ToString(System.Globalization.CultureInfo.InvariantCulture);
                captures._values[index] = argument.Expression;
                if (position < parameters.Length)
                {
                    captures._values[parameters[position].Name] = argument.Expression;
                    names.Add(ImmutableArray.Create(index, parameters[position].Name));
                }
                else
                {
                    names.Add(ImmutableArray.Create(index));
                }

                position++;
            }
        }

        captures.ArgumentNames = names.ToImmutable();
        return captures;
    }

    private void AddArguments(IEnumerable<ArgumentSyntax> arguments, ImmutableArray<IParameterSymbol> parameters)
    {
        var position = 0;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is { } nameColon)
            {
                _values[nameColon.Name.Identifier.ValueText] = argument.Expression;
                continue;
            }

            _values[position.ToString(System.Globalization.CultureInfo.InvariantCulture)] = argument.Expression;
            if (position < parameters.Length && !_values.ContainsKey(parameters[position].Name))
            {
                _values[parameters[position].Name] = argument.Expression;
            }

            position++;
        }
    }

    private static IEnumerable<ArgumentSyntax> Skip(SeparatedSyntaxList<ArgumentSyntax> arguments, int count)
    {
        for (var i = count; i < arguments.Count; i++)
        {
            yield return arguments[i];
        }
    }

    /// <summary>Whether a <c>when</c> condition holds for these captures.</summary>
    public bool Satisfies(RewriteCondition condition, SemanticModel? model)
    {
        if (condition.Kind == RewriteConditionKind.DeclaredType)
        {
            var declared = model is null ? null : AttributedMemberType(model);
            // A reference ID names constructed types (Dictionary{System.String,System.Object}) and carries no "T:" prefix.
            return declared is not null && "T:" + DocumentationCommentId.CreateReferenceId(declared) == condition.TypeId;
        }

        var value = Get(condition.Capture) is ExpressionSyntax expression ? Unwrap(expression) : null;
        switch (condition.Kind)
        {
            case RewriteConditionKind.Missing:
                return value is null;
            case RewriteConditionKind.Interpolated:
                return value is InterpolatedStringExpressionSyntax;
            case RewriteConditionKind.NotInterpolated:
                return value is not null && value is not InterpolatedStringExpressionSyntax;
            case RewriteConditionKind.Null:
                return value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression };
            case RewriteConditionKind.NotNull:
                return value is not null && value is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression };
            case RewriteConditionKind.TypeOf:
                if (value is not TypeOfExpressionSyntax typeOf || model is null)
                {
                    return false;
                }

                var type = model.GetTypeInfo(typeOf.Type).Type;
                return type is not null && DocumentationCommentId.CreateDeclarationId(type.OriginalDefinition) == condition.TypeId;
            case RewriteConditionKind.Field:
                return value is not null
                    && model is not null
                    && model.GetSymbolInfo(value).Symbol is IFieldSymbol field
                    && DocumentationCommentId.CreateDeclarationId(field.OriginalDefinition) == condition.TypeId;
            default:
                return false;
        }
    }

    /// <summary>The type of the property, field or parameter the matched attribute is on; null elsewhere.</summary>
    private ITypeSymbol? AttributedMemberType(SemanticModel model)
    {
        var declaration = _attribute?.Parent?.Parent;
        ISymbol? symbol = declaration switch
        {
            PropertyDeclarationSyntax property => model.GetDeclaredSymbol(property),
            FieldDeclarationSyntax { Declaration.Variables.Count: 1 } field => model.GetDeclaredSymbol(field.Declaration.Variables[0]),
            ParameterSyntax parameter => model.GetDeclaredSymbol(parameter),
            _ => null,
        };
        return symbol switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
