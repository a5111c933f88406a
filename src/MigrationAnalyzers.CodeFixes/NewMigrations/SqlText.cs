using System.Linq;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>
/// SQL that fixes write into data migrations, in the target database's dialect: names quoted with double quotes
/// (standard SQL, PostgreSQL, SQLite), brackets for SQL Server (they do not depend on QUOTED_IDENTIFIER, which a
/// script run by sqlcmd may leave off) or backticks for MySQL; literals that every engine reads for the column's type.
/// Callers decline when the target is unknown: there is no dialect to write.
/// </summary>
internal static class SqlText
{
    public static string Name(string name, DatabaseProvider provider)
        => provider switch
        {
            DatabaseProvider.MySql => "`" + name.Replace("`", "``") + "`",
            DatabaseProvider.SqlServer => "[" + name.Replace("]", "]]") + "]",
            _ => "\"" + name.Replace("\"", "\"\"") + "\"",
        };

    public static string Table(string? schema, string table, DatabaseProvider provider)
        => schema is null ? Name(table, provider) : Name(schema, provider) + "." + Name(table, provider);

    /// <summary>The zero value of a CLR type as SQL, or null when there is no literal every engine reads the same way.</summary>
    public static string? ZeroOf(ClrTypeFacts? type, DatabaseProvider provider)
    {
        return type?.SpecialType switch
        {
            SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
                or SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single => "0",
            SpecialType.System_Boolean => provider == DatabaseProvider.PostgreSql ? "FALSE" : "0",
            SpecialType.System_String => "''",
            _ => null,
        };
    }

    /// <summary>The zero value of a FluentMigrator column type (<c>AsInt32</c>, <c>AsString</c> …) as SQL.</summary>
    public static string? ZeroOf(string? fluentType, DatabaseProvider provider)
        => fluentType switch
        {
            "AsByte" or "AsInt16" or "AsInt32" or "AsInt64" or "AsDecimal" or "AsCurrency" or "AsDouble" or "AsFloat" => "0",
            "AsBoolean" => provider == DatabaseProvider.PostgreSql ? "FALSE" : "0",
            _ when new[] { "AsString", "AsAnsiString", "AsFixedLengthString", "AsFixedLengthAnsiString" }.Contains(fluentType) => "''",
            _ => null,
        };
}
