using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Operations;

/// <summary>What kind of values a column type holds; conversions between families rewrite or fail.</summary>
public enum TypeFamily
{
    Unknown,
    Text,
    Integer,
    Decimal,
    Float,
    Boolean,
    DateTime,
    Guid,
    Binary,
    Other,
}

/// <summary>
/// A column's type as far as a migration states it: the store type (<c>nvarchar(100)</c>, <c>numeric(10,2)</c>,
/// <c>character varying</c>), or what the CLR type and <c>maxLength</c>/<c>precision</c> arguments (EF Core) or the
/// <c>AsXxx(…)</c> call (FluentMigrator) imply. <see cref="BaseName"/> is null when only the family is known.
/// </summary>
public sealed class ColumnType
{
    public ColumnType(TypeFamily family, string? baseName, int? length, bool isUnlimited, int? precision, int? scale, int size)
    {
        Family = family;
        BaseName = baseName;
        Length = length;
        IsUnlimited = isUnlimited;
        Precision = precision;
        Scale = scale;
        Size = size;
    }

    public TypeFamily Family { get; }

    /// <summary>The normalized store type name without arguments (<c>varchar</c>, <c>nvarchar</c>, <c>text</c>, <c>int</c>); null when unknown.</summary>
    public string? BaseName { get; }

    /// <summary>Text and binary: the maximum length; null when unlimited or not stated.</summary>
    public int? Length { get; }

    /// <summary>Text and binary: no length limit (<c>text</c>, <c>nvarchar(max)</c>, <c>varchar</c> without length on PostgreSQL).</summary>
    public bool IsUnlimited { get; }

    public int? Precision { get; }

    public int? Scale { get; }

    /// <summary>Integers and floats: the storage size in bytes; 0 when unknown.</summary>
    public int Size { get; }

    public override string ToString()
    {
        var name = BaseName ?? Family.ToString().ToLowerInvariant();
        if (Length is { } length)
        {
            return name + "(" + length.ToString(CultureInfo.InvariantCulture) + ")";
        }

        if (Precision is { } precision)
        {
            return name + "(" + precision.ToString(CultureInfo.InvariantCulture) + (Scale is { } scale ? "," + scale.ToString(CultureInfo.InvariantCulture) : string.Empty) + ")";
        }

        return name;
    }

    /// <summary>Parses a store type as providers write it: <c>nvarchar(max)</c>, <c>character varying(200)</c>, <c>decimal(18, 2)</c>, <c>TEXT</c>.</summary>
    public static ColumnType? ParseStoreType(string? storeType)
    {
        if (string.IsNullOrWhiteSpace(storeType))
        {
            return null;
        }

        var text = storeType!.Trim().ToLowerInvariant();
        string? arguments = null;
        var open = text.IndexOf('(');
        if (open >= 0)
        {
            var close = text.IndexOf(')', open);
            arguments = close > open ? text.Substring(open + 1, close - open - 1) : text.Substring(open + 1);
            text = (text.Substring(0, open) + (close > open ? text.Substring(close + 1) : string.Empty)).Trim();
        }

        text = string.Join(" ", text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        int? first = null;
        int? second = null;
        var isMax = false;
        if (arguments is not null)
        {
            var parts = arguments.Split(',');
            isMax = parts[0].Trim() == "max";
            first = ParseInt(parts[0]);
            second = parts.Length > 1 ? ParseInt(parts[1]) : null;
        }

        switch (text)
        {
            case "varchar" or "character varying" or "nvarchar" or "national character varying" or "varchar2" or "nvarchar2" or "varbinary" or "binary varying":
            case "char" or "character" or "nchar" or "national character" or "bpchar" or "binary":
            {
                var family = text.Contains("binary") ? TypeFamily.Binary : TypeFamily.Text;
                var baseName = Normalize(text);
                // PostgreSQL's varchar without a length is unlimited; char without one is char(1).
                var unlimited = isMax || (first is null && baseName is "varchar" or "varbinary");
                return new ColumnType(family, baseName, unlimited ? null : first ?? 1, unlimited, null, null, 0);
            }

            case "text" or "ntext" or "citext" or "clob" or "nclob" or "longtext" or "mediumtext" or "tinytext":
                return new ColumnType(TypeFamily.Text, text == "tinytext" ? "tinytext" : "text", text == "tinytext" ? 255 : null, text != "tinytext", null, null, 0);
            case "bytea" or "blob" or "longblob" or "image":
                return new ColumnType(TypeFamily.Binary, "blob", null, true, null, null, 0);
            case "tinyint" or "int1":
                return Integer("tinyint", 1);
            case "smallint" or "int2" or "smallserial":
                return Integer("smallint", 2);
            case "mediumint":
                return Integer("mediumint", 3);
            case "int" or "integer" or "int4" or "serial":
                return Integer("int", 4);
            case "bigint" or "int8" or "bigserial":
                return Integer("bigint", 8);
            case "decimal" or "numeric" or "number" or "dec":
                return new ColumnType(TypeFamily.Decimal, "numeric", null, false, first, second ?? (first is null ? null : 0), 0);
            case "money":
                return new ColumnType(TypeFamily.Decimal, "money", null, false, 19, 4, 0);
            case "real" or "float4":
                return new ColumnType(TypeFamily.Float, "real", null, false, null, null, 4);
            case "float" or "float8" or "double" or "double precision":
                return new ColumnType(TypeFamily.Float, "double", null, false, null, null, first is <= 24 ? 4 : 8);
            case "bit" or "boolean" or "bool":
                return new ColumnType(TypeFamily.Boolean, "boolean", null, false, null, null, 1);
            case "uuid" or "uniqueidentifier":
                return new ColumnType(TypeFamily.Guid, "uuid", null, false, null, null, 16);
            case "date" or "datetime" or "datetime2" or "smalldatetime" or "datetimeoffset" or "time" or "timestamp"
                or "timestamp without time zone" or "timestamptz" or "timestamp with time zone" or "time with time zone" or "timetz" or "interval":
                return new ColumnType(TypeFamily.DateTime, NormalizeDateTime(text), null, false, first, null, 0);
            default:
                return new ColumnType(TypeFamily.Other, text, first, isMax, null, null, 0);
        }
    }

    /// <summary>EF Core: the CLR type of <c>AddColumn&lt;T&gt;</c> / <c>AlterColumn&lt;T&gt;</c> with the length and precision arguments.</summary>
    public static ColumnType? FromClrType(ClrTypeFacts? type, int? maxLength, int? precision, int? scale)
    {
        if (type is { IsByteArray: true })
        {
            return new ColumnType(TypeFamily.Binary, null, maxLength, maxLength is null, null, null, 0);
        }

        return type is null ? null : FromClrName(type.SpecialType, type.Name, maxLength, precision, scale);
    }

    /// <summary>EF Core: <c>oldClrType: typeof(string)</c>, read from syntax (predefined types and the <c>System</c> structs).</summary>
    public static ColumnType? FromTypeOf(ExpressionSyntax? typeOf, int? maxLength, int? precision, int? scale)
    {
        if (typeOf is not TypeOfExpressionSyntax { Type: var type })
        {
            return null;
        }

        if (type is NullableTypeSyntax nullable)
        {
            type = nullable.ElementType;
        }

        if (type is ArrayTypeSyntax { ElementType: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.ByteKeyword } })
        {
            return new ColumnType(TypeFamily.Binary, null, maxLength, maxLength is null, null, null, 0);
        }

        var special = type is PredefinedTypeSyntax predefined
            ? predefined.Keyword.Kind() switch
            {
                SyntaxKind.StringKeyword => SpecialType.System_String,
                SyntaxKind.IntKeyword => SpecialType.System_Int32,
                SyntaxKind.LongKeyword => SpecialType.System_Int64,
                SyntaxKind.ShortKeyword => SpecialType.System_Int16,
                SyntaxKind.ByteKeyword => SpecialType.System_Byte,
                SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
                SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
                SyntaxKind.DoubleKeyword => SpecialType.System_Double,
                SyntaxKind.FloatKeyword => SpecialType.System_Single,
                _ => SpecialType.None,
            }
            : SpecialType.None;
        var name = type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            _ => string.Empty,
        };
        return FromClrName(special, name, maxLength, precision, scale);
    }

    /// <summary>FluentMigrator: <c>AsString(100)</c>, <c>AsInt64()</c>, <c>AsDecimal(10, 2)</c>, <c>AsCustom("text")</c>.</summary>
    public static ColumnType? FromFluent(ColumnDefinition column)
    {
        var call = column.FluentType is { } name ? column.FindCall(name) : null;
        if (call is null)
        {
            return null;
        }

        var first = call.Arguments.Length > 0 ? call.Arguments[0].IntValue : null;
        var second = call.Arguments.Length > 1 ? call.Arguments[1].IntValue : null;
        return call.Name switch
        {
            "AsString" => new ColumnType(TypeFamily.Text, "nvarchar", first, first is null, null, null, 0),
            "AsAnsiString" => new ColumnType(TypeFamily.Text, "varchar", first, first is null, null, null, 0),
            "AsFixedLengthString" => new ColumnType(TypeFamily.Text, "nchar", first, false, null, null, 0),
            "AsFixedLengthAnsiString" => new ColumnType(TypeFamily.Text, "char", first, false, null, null, 0),
            "AsByte" => Integer("tinyint", 1),
            "AsInt16" => Integer("smallint", 2),
            "AsInt32" => Integer("int", 4),
            "AsInt64" => Integer("bigint", 8),
            "AsDecimal" => new ColumnType(TypeFamily.Decimal, "numeric", null, false, first, second, 0),
            "AsCurrency" => new ColumnType(TypeFamily.Decimal, "money", null, false, 19, 4, 0),
            "AsFloat" => new ColumnType(TypeFamily.Float, "real", null, false, null, null, 4),
            "AsDouble" => new ColumnType(TypeFamily.Float, "double", null, false, null, null, 8),
            "AsBoolean" => new ColumnType(TypeFamily.Boolean, "boolean", null, false, null, null, 1),
            "AsGuid" => new ColumnType(TypeFamily.Guid, "uuid", null, false, null, null, 16),
            "AsDate" => new ColumnType(TypeFamily.DateTime, "date", null, false, null, null, 0),
            "AsTime" => new ColumnType(TypeFamily.DateTime, "time", null, false, null, null, 0),
            "AsDateTime" => new ColumnType(TypeFamily.DateTime, "datetime", null, false, null, null, 0),
            "AsDateTime2" => new ColumnType(TypeFamily.DateTime, "datetime2", null, false, null, null, 0),
            "AsDateTimeOffset" => new ColumnType(TypeFamily.DateTime, "datetimeoffset", null, false, null, null, 0),
            "AsBinary" => new ColumnType(TypeFamily.Binary, "varbinary", first, first is null, null, null, 0),
            "AsCustom" => ParseStoreType(call.FirstString),
            _ => new ColumnType(TypeFamily.Other, call.Name, null, false, null, null, 0),
        };
    }

    /// <summary>The type a column definition states, whichever framework wrote it.</summary>
    public static ColumnType? Of(ColumnDefinition column)
    {
        if (column.FluentType is not null)
        {
            return FromFluent(column);
        }

        var maxLength = column.GetArgument("maxLength")?.IntValue;
        var precision = column.GetArgument("precision")?.IntValue;
        var scale = column.GetArgument("scale")?.IntValue;
        var fromStoreType = ParseStoreType(column.GetArgument("type")?.StringValue);
        return WithLength(fromStoreType, maxLength) ?? FromClrType(column.ClrType, maxLength, precision, scale);
    }

    /// <summary>EF Core <c>AlterColumn</c>: the old type from <c>oldType</c>, <c>oldClrType</c>, <c>oldMaxLength</c> …; null when none is stated.</summary>
    public static ColumnType? OldOf(ColumnDefinition column)
    {
        var maxLength = column.GetArgument("oldMaxLength")?.IntValue;
        var precision = column.GetArgument("oldPrecision")?.IntValue;
        var scale = column.GetArgument("oldScale")?.IntValue;
        var fromStoreType = ParseStoreType(column.GetArgument("oldType")?.StringValue);
        return WithLength(fromStoreType, maxLength) ?? FromTypeOf(column.GetArgument("oldClrType")?.Syntax, maxLength, precision, scale);
    }

    /// <summary>Same values, only the length or precision arguments may differ.</summary>
    public bool IsSameTypeAs(ColumnType other)
        => Family == other.Family && (BaseName is null || other.BaseName is null || BaseName == other.BaseName) && (Size == 0 || other.Size == 0 || Size == other.Size);

    private static ColumnType? WithLength(ColumnType? type, int? maxLength)
        => type is { Length: null, IsUnlimited: false, Family: TypeFamily.Text or TypeFamily.Binary } && maxLength is not null
            ? new ColumnType(type.Family, type.BaseName, maxLength, false, type.Precision, type.Scale, type.Size)
            : type;

    private static ColumnType? FromClrName(SpecialType special, string name, int? maxLength, int? precision, int? scale)
        => special switch
        {
            SpecialType.System_String => new ColumnType(TypeFamily.Text, null, maxLength, maxLength is null, null, null, 0),
            SpecialType.System_Byte => Integer(null, 1),
            SpecialType.System_Int16 => Integer(null, 2),
            SpecialType.System_Int32 => Integer(null, 4),
            SpecialType.System_Int64 => Integer(null, 8),
            SpecialType.System_Decimal => new ColumnType(TypeFamily.Decimal, null, null, false, precision, scale, 0),
            SpecialType.System_Single => new ColumnType(TypeFamily.Float, null, null, false, null, null, 4),
            SpecialType.System_Double => new ColumnType(TypeFamily.Float, null, null, false, null, null, 8),
            SpecialType.System_Boolean => new ColumnType(TypeFamily.Boolean, null, null, false, null, null, 1),
            SpecialType.System_DateTime => new ColumnType(TypeFamily.DateTime, null, null, false, null, null, 0),
            _ => name switch
            {
                "Guid" => new ColumnType(TypeFamily.Guid, null, null, false, null, null, 16),
                "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" => new ColumnType(TypeFamily.DateTime, null, null, false, null, null, 0),
                "" => null,
                _ => new ColumnType(TypeFamily.Other, null, null, false, null, null, 0),
            },
        };

    private static ColumnType Integer(string? name, int size) => new ColumnType(TypeFamily.Integer, name, null, false, null, null, size);

    private static int? ParseInt(string text)
        => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Normalize(string text)
        => text switch
        {
            "character varying" or "varchar2" => "varchar",
            "national character varying" or "nvarchar2" => "nvarchar",
            "character" or "bpchar" => "char",
            "national character" => "nchar",
            "binary varying" => "varbinary",
            _ => text,
        };

    private static string NormalizeDateTime(string text)
        => text switch
        {
            "timestamp without time zone" => "timestamp",
            "timestamp with time zone" => "timestamptz",
            "time with time zone" => "timetz",
            _ => text,
        };
}
