using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.History;

/// <summary>
/// Where an entity of a Designer or snapshot model keeps its rows, as <c>ToTable</c>, <c>ToView</c> (and the other
/// non-table mappings) and <c>HasBaseType</c> write it. Shared by the readers of the target model and of declared keys,
/// so both follow an entity to the same table.
/// </summary>
internal sealed class EntityTableMapping
{
    /// <summary>TPH chains longer than this are not followed (a cycle, or a model no generator writes).</summary>
    private const int MaxBaseTypeDepth = 16;

    /// <summary>The entity names its own mapping: a table, or a view, query or function (then <see cref="Table"/> is null).</summary>
    public bool HasTableCall { get; private set; }

    public string? Table { get; private set; }

    public string? Schema { get; private set; }

    public string? BaseType { get; private set; }

    public EntityTableMapping Copy() => new EntityTableMapping { HasTableCall = HasTableCall, Table = Table, Schema = Schema, BaseType = BaseType };

    /// <summary>Reads <paramref name="method"/> when it is a mapping call; false for any other call.</summary>
    public bool Read(string? method, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        switch (method)
        {
            case "ToTable" when arguments.Count >= 1:
                HasTableCall = true;
                Table = StringLiteral(arguments[0].Expression);
                Schema = arguments.Count >= 2 ? StringLiteral(arguments[1].Expression) : null;
                return true;
            case "ToView" or "ToSqlQuery" or "ToFunction":
                HasTableCall = true;
                Table = null;
                return true;
            case "HasBaseType" when arguments.Count == 1:
                BaseType = StringLiteral(arguments[0].Expression);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The table <paramref name="mapping"/>'s rows live in: its own, or for a derived type without one (TPH) its base
    /// type's, found through <paramref name="entity"/>; null when it maps to no table or the chain is not known.
    /// </summary>
    public static (string? Schema, string Name)? TableOf(EntityTableMapping mapping, Func<string, EntityTableMapping?> entity)
    {
        var current = mapping;
        for (var depth = 0; depth <= MaxBaseTypeDepth; depth++)
        {
            if (current.HasTableCall)
            {
                return current.Table is { } table ? (current.Schema, table) : null;
            }

            if (current.BaseType is not { } baseName || entity(baseName) is not { } baseMapping)
            {
                return null;
            }

            current = baseMapping;
        }

        return null;
    }

    private static string? StringLiteral(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
}
