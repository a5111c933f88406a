using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Picks the instance method a call of an EF Core builder means, from the builder's metadata and arguments whose types
/// the syntax settles (<see cref="SyntaxArguments"/>): the one public method of that name the arguments apply to. Where
/// C# would have to rank several applicable overloads, or where applicability depends on more than the types (a
/// constant that fits a smaller integer, <c>params</c>, named arguments out of position, type inference other than
/// from a lambda), there is no answer, and the call is read through the semantic model. Parameter names and positions
/// come from the referenced EF Core assembly itself, so every EF Core version maps arguments as it declares them.
/// </summary>
internal static class OverloadChoice
{
    public static IMethodSymbol? Choose(
        Compilation compilation,
        INamedTypeSymbol owner,
        string name,
        SeparatedSyntaxList<ArgumentSyntax> arguments,
        IReadOnlyList<SyntaxArgument> values,
        ImmutableArray<ITypeSymbol> typeArguments)
    {
        IMethodSymbol? chosen = null;
        try
        {
            foreach (var member in owner.GetMembers(name))
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public } candidate)
                {
                    continue;
                }

                switch (Applies(compilation, candidate, arguments, values, typeArguments))
                {
                    case Applicability.Yes when chosen is null:
                        chosen = candidate;
                        break;
                    case Applicability.Yes:
                    case Applicability.Unknown:
                        return null;
                }
            }
        }
        finally
        {
            // The values hold types, and so their compilation: the thread keeps the array, not what was in it.
            if (_mapped is { } mapped)
            {
                Array.Clear(mapped, 0, mapped.Length);
            }
        }

        if (chosen is null || typeArguments.IsEmpty)
        {
            // A generic method without type arguments (CreateTable) infers them from a lambda: the definition stands for it.
            return chosen;
        }

        return chosen.Construct(typeArguments, typeArguments.Select(type => type.NullableAnnotation).ToImmutableArray());
    }

    /// <summary>The argument each parameter gets, for one candidate at a time: asked for every candidate of every call.</summary>
    [ThreadStatic]
    private static SyntaxArgument?[]? _mapped;

    /// <summary>This thread's array for <see cref="Applies"/>, emptied, with at least <paramref name="length"/> items.</summary>
    private static SyntaxArgument?[] Mapped(int length)
    {
        var mapped = _mapped;
        if (mapped is null || mapped.Length < length)
        {
            return _mapped = new SyntaxArgument?[Math.Max(length, 16)];
        }

        Array.Clear(mapped, 0, length);
        return mapped;
    }

    private enum Applicability
    {
        No,
        Yes,
        Unknown,
    }

    private static Applicability Applies(
        Compilation compilation,
        IMethodSymbol candidate,
        SeparatedSyntaxList<ArgumentSyntax> arguments,
        IReadOnlyList<SyntaxArgument> values,
        ImmutableArray<ITypeSymbol> typeArguments)
    {
        if (!typeArguments.IsEmpty && candidate.TypeParameters.Length != typeArguments.Length)
        {
            return Applicability.No;
        }

        if (typeArguments.IsEmpty && candidate.IsGenericMethod && !InferredFromLambdas(candidate, arguments, values))
        {
            // AddColumn<T> written without <T> infers nothing: not applicable. Inference from other arguments is not followed.
            return NoParameterMentions(candidate) ? Applicability.No : Applicability.Unknown;
        }

        var parameters = candidate.Parameters;
        var mapped = Mapped(parameters.Length);
        var named = false;
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            if (argument.RefKindKeyword.RawKind != 0)
            {
                return Applicability.Unknown;
            }

            int position;
            if (argument.NameColon is { } nameColon)
            {
                named = true;
                position = IndexOf(parameters, nameColon.Name.Identifier.ValueText);
                if (position < 0)
                {
                    return Applicability.No;
                }
            }
            else if (named)
            {
                // A positional argument after a named one: C# 7.2 rules, not followed here.
                return Applicability.Unknown;
            }
            else if (index < parameters.Length)
            {
                position = index;
            }
            else
            {
                return parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? Applicability.Unknown : Applicability.No;
            }

            if (parameters[position].IsParams)
            {
                return Applicability.Unknown;
            }

            if (mapped[position] is not null)
            {
                return Applicability.No;
            }

            mapped[position] = values[index];
        }

        var result = Applicability.Yes;
        for (var position = 0; position < parameters.Length; position++)
        {
            var parameter = parameters[position];
            if (mapped[position] is not { } value)
            {
                if (parameter.IsParams)
                {
                    return Applicability.Unknown;
                }

                if (!parameter.IsOptional)
                {
                    return Applicability.No;
                }

                continue;
            }

            switch (Converts(compilation, value, parameter.Type))
            {
                case Applicability.No:
                    return Applicability.No;
                case Applicability.Unknown:
                    result = Applicability.Unknown;
                    break;
            }
        }

        return result;
    }

    private static Applicability Converts(Compilation compilation, SyntaxArgument value, ITypeSymbol target)
    {
        if (value.IsLambda)
        {
            return DelegateOf(target) is { } invoke ? (invoke.Parameters.Length == value.LambdaParameters ? Applicability.Yes : Applicability.No) : Applicability.No;
        }

        if (MentionsTypeParameter(target))
        {
            return Applicability.Unknown;
        }

        if (value.IsNullLiteral)
        {
            return target.IsReferenceType || target.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                ? Applicability.Yes
                : target.IsValueType ? Applicability.No : Applicability.Unknown;
        }

        if (value.Type is null)
        {
            return Applicability.Unknown;
        }

        if (compilation.ClassifyConversion(value.Type, target).IsImplicit)
        {
            return Applicability.Yes;
        }

        // A constant may convert where its type does not: 1 to byte, 0 to an enum.
        return value.ConstantValue.HasValue && IsIntegral(value.Type) && (IsIntegral(Underlying(target)) || Underlying(target).TypeKind == TypeKind.Enum)
            ? Applicability.Unknown
            : Applicability.No;
    }

    private static ITypeSymbol Underlying(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsIntegral(ITypeSymbol type) => type.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Char;

    /// <summary>Some type parameter appears in no parameter, so only type arguments as written can give it.</summary>
    private static bool NoParameterMentions(IMethodSymbol candidate)
    {
        foreach (var typeParameter in candidate.TypeParameters)
        {
            var mentioned = false;
            foreach (var parameter in candidate.Parameters)
            {
                mentioned |= Mentions(parameter.Type, typeParameter);
            }

            if (!mentioned)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The delegate a lambda converts to: <c>Func&lt;…&gt;</c>, <c>Action&lt;…&gt;</c>, or inside <c>Expression&lt;…&gt;</c>.</summary>
    private static IMethodSymbol? DelegateOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } named)
        {
            return named.DelegateInvokeMethod;
        }

        if (type is INamedTypeSymbol { Name: "Expression", TypeArguments.Length: 1 } expression
            && expression.ContainingNamespace?.ToDisplayString() == "System.Linq.Expressions"
            && expression.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Delegate } inner)
        {
            return inner.DelegateInvokeMethod;
        }

        return null;
    }

    /// <summary>Every type parameter of the method appears in a parameter that a lambda is given for.</summary>
    private static bool InferredFromLambdas(IMethodSymbol candidate, SeparatedSyntaxList<ArgumentSyntax> arguments, IReadOnlyList<SyntaxArgument> values)
    {
        foreach (var typeParameter in candidate.TypeParameters)
        {
            var found = false;
            for (var index = 0; index < arguments.Count && !found; index++)
            {
                var position = arguments[index].NameColon is { } nameColon ? IndexOf(candidate.Parameters, nameColon.Name.Identifier.ValueText) : index;
                found = values[index].IsLambda
                        && position >= 0 && position < candidate.Parameters.Length
                        && Mentions(candidate.Parameters[position].Type, typeParameter);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MentionsTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => MentionsTypeParameter(array.ElementType),
        INamedTypeSymbol named => AnyMentions(named.TypeArguments),
        _ => false,
    };

    private static bool AnyMentions(ImmutableArray<ITypeSymbol> types)
    {
        foreach (var type in types)
        {
            if (MentionsTypeParameter(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(ITypeSymbol type, ITypeParameterSymbol typeParameter)
    {
        if (SymbolEqualityComparer.Default.Equals(type, typeParameter))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return Mentions(array.ElementType, typeParameter);
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (var argument in named.TypeArguments)
            {
                if (Mentions(argument, typeParameter))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int IndexOf(ImmutableArray<IParameterSymbol> parameters, string name)
    {
        for (var index = 0; index < parameters.Length; index++)
        {
            if (parameters[index].Name == name)
            {
                return index;
            }
        }

        return -1;
    }
}
