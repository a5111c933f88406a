using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// The store type a column definition writes out, with the expression that holds it: EF Core's <c>type:</c> argument
/// (<c>table.Column&lt;string&gt;(type: "json")</c>, <c>AddColumn</c>, <c>AlterColumn</c>) or FluentMigrator's
/// <c>AsCustom("json")</c>. Rules about one PostgreSQL type report at that expression, so a fix rewrites exactly it.
/// </summary>
public static class StoreTypeArgument
{
    /// <summary>The stated store type, or null when the column states none as a compile-time constant.</summary>
    public static OperationArgument? Of(ColumnDefinition column)
    {
        if (column.FluentType is not null)
        {
            return column.FluentType == "AsCustom" && column.FindCall("AsCustom") is { Arguments.Length: > 0 } custom
                ? custom.Arguments[0]
                : null;
        }

        return column.GetArgument("type") is { StringValue: not null } type ? type : null;
    }

    /// <summary>The type name without arguments or extra blanks, lower case: <c>timestamp(3) without time zone</c> → <c>timestamp without time zone</c>.</summary>
    public static string Normalized(string storeType)
    {
        var text = storeType.Trim().ToLowerInvariant();
        var open = text.IndexOf('(');
        if (open >= 0)
        {
            var close = text.IndexOf(')', open);
            text = text.Substring(0, open) + (close > open ? text.Substring(close + 1) : string.Empty);
        }

        return string.Join(" ", text.Split(new[] { ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The argument is a plain string literal, which a fix can replace without changing anything else.</summary>
    public static bool IsLiteral(OperationArgument argument)
        => argument.Syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression);
}
