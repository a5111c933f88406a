using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Operations;

/// <summary>
/// What rules and fixes ask of a column's CLR type (<c>Column&lt;T&gt;</c>, <c>AddColumn&lt;T&gt;</c>), without the
/// symbol. Operations outlive the compilation that read them: the replayed schema is shared by every compilation of the
/// same source (<see cref="History.SchemaTimeline"/>), and a symbol there would keep its whole compilation alive.
/// </summary>
public sealed class ClrTypeFacts
{
    private ClrTypeFacts(SpecialType specialType, string name, bool isSystemStruct, bool isNullableValueType, bool isReferenceType, bool isByteArray)
    {
        SpecialType = specialType;
        Name = name;
        IsSystemStruct = isSystemStruct;
        IsNullableValueType = isNullableValueType;
        IsReferenceType = isReferenceType;
        IsByteArray = isByteArray;
    }

    /// <summary>The special type of the type itself, or of <c>T</c> for <c>T?</c> (<c>Nullable&lt;T&gt;</c>).</summary>
    public SpecialType SpecialType { get; }

    /// <summary>The type's simple name (<c>Guid</c>, <c>Int32</c>), of <c>T</c> for <c>T?</c>.</summary>
    public string Name { get; }

    /// <summary>The type (or <c>T</c> of <c>T?</c>) is a struct of the <c>System</c> namespace: <c>Guid</c>, <c>DateTimeOffset</c>, <c>TimeSpan</c> ….</summary>
    public bool IsSystemStruct { get; }

    /// <summary><c>T?</c> of a value type.</summary>
    public bool IsNullableValueType { get; }

    public bool IsReferenceType { get; }

    /// <summary><c>byte[]</c>.</summary>
    public bool IsByteArray { get; }

    public static ClrTypeFacts? Of(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var isNullable = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 };
        var underlying = isNullable ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        var isSystemStruct = underlying.TypeKind == TypeKind.Struct
                             && underlying.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
        return new ClrTypeFacts(
            underlying.SpecialType,
            underlying.Name,
            isSystemStruct,
            isNullable,
            type.IsReferenceType,
            underlying is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte });
    }
}
