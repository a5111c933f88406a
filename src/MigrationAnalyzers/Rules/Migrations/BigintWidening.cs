using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// What MIG1190's fix has to change to make a new int identity column bigint: the column itself, and every int column
/// of a table created in the same migration whose foreign key refers to it (a bigint key with int references would
/// break as soon as the numbers pass the int range). A reference from a table that already exists (or one the
/// migration cannot read) cannot be widened here without a rewrite, so then there is no plan, only a reason.
/// </summary>
public sealed class BigintWidening
{
    private BigintWidening(IReadOnlyList<Location> columns, string? reason)
    {
        Columns = columns;
        Reason = reason;
    }

    /// <summary>The column definitions to widen, the identity column first; empty when <see cref="Reason"/> says why not.</summary>
    public IReadOnlyList<Location> Columns { get; }

    /// <summary>Why no fix is offered; null when one is.</summary>
    public string? Reason { get; }

    /// <summary>EF Core store types of a 32-bit integer, and what the fix writes instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> WiderStoreTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["integer"] = "bigint",
        ["int"] = "bigint",
        ["int4"] = "int8",
        ["serial"] = "bigserial",
        ["serial4"] = "serial8",
    };

    public static BigintWidening Plan(MigrationBody up, MigrationOperation table, ColumnDefinition column)
    {
        var columns = new List<Location>();
        if (Rewritable(column) is { } own)
        {
            return new BigintWidening(Array.Empty<Location>(), own);
        }

        columns.Add(LocationOf(column));
        foreach (var reference in References(up, table, column))
        {
            if (reference.Column is null)
            {
                return new BigintWidening(Array.Empty<Location>(), reference.Reason);
            }

            if (IsInt(reference.Column) is not true)
            {
                if (IsInt(reference.Column) is null)
                {
                    return new BigintWidening(Array.Empty<Location>(), "the type of '" + reference.Table + "." + reference.Column.Name + "', which refers to it, is not known here");
                }

                continue;
            }

            if (Rewritable(reference.Column) is { } why)
            {
                return new BigintWidening(Array.Empty<Location>(), "'" + reference.Table + "." + reference.Column.Name + "', which refers to it, " + why.Replace("the column ", string.Empty));
            }

            columns.Add(LocationOf(reference.Column));
        }

        return new BigintWidening(columns, null);
    }

    /// <summary>Where the diagnostic and the fix point: EF Core the column expression, FluentMigrator <c>AsInt32()</c>.</summary>
    public static Location LocationOf(ColumnDefinition column)
    {
        if (column.FluentType is { } fluentType
            && column.FindCall(fluentType) is { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation })
        {
            return Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
        }

        return column.Syntax.GetLocation();
    }

    /// <summary>True for a 32-bit integer column, false for another known type, null when the migration does not say.</summary>
    public static bool? IsInt(ColumnDefinition column)
    {
        if (column.FluentType is { } fluentType)
        {
            if (fluentType == "AsCustom")
            {
                return StoreTypeArgument.Of(column)?.StringValue is { } custom ? WiderStoreTypes.ContainsKey(StoreTypeArgument.Normalized(custom)) : null;
            }

            return fluentType == "AsInt32";
        }

        if (column.GetArgument("type")?.StringValue is { } storeType)
        {
            return WiderStoreTypes.ContainsKey(StoreTypeArgument.Normalized(storeType));
        }

        return column.ClrType is { } clr ? clr.SpecialType == SpecialType.System_Int32 : null;
    }

    /// <summary>Null when the fix can rewrite the column as written; otherwise why not.</summary>
    private static string? Rewritable(ColumnDefinition column)
    {
        if (column.FluentType is { } fluentType)
        {
            return fluentType == "AsInt32" || (fluentType == "AsCustom" && StoreTypeArgument.Of(column) is { } custom && StoreTypeArgument.IsLiteral(custom))
                ? null
                : "the column's type is not written as AsInt32() or a literal AsCustom(…)";
        }

        if (column.Syntax.DescendantNodesAndSelf().OfGenericColumnCall() is not { } call
            || call.Name is not GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic
            || !IsIntTypeSyntax(generic.TypeArgumentList.Arguments[0]))
        {
            return "the column is not written as table.Column<int>(…)";
        }

        if (column.GetArgument("type") is { } type && !StoreTypeArgument.IsLiteral(type))
        {
            return "the column's store type is not a string literal";
        }

        if (column.GetArgument("defaultValue") is { IsNull: false })
        {
            return "the column has an int default value";
        }

        return null;
    }

    private static bool IsIntTypeSyntax(TypeSyntax type)
        => (type is NullableTypeSyntax nullable ? nullable.ElementType : type) is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.IntKeyword);

    private sealed class Reference
    {
        public Reference(string table, ColumnDefinition? column, string? reason)
        {
            Table = table;
            Column = column;
            Reason = reason;
        }

        public string Table { get; }

        public ColumnDefinition? Column { get; }

        public string? Reason { get; }
    }

    /// <summary>Foreign keys of the same Up that refer to <paramref name="column"/> of <paramref name="principal"/>.</summary>
    private static IEnumerable<Reference> References(MigrationBody up, MigrationOperation principal, ColumnDefinition column)
    {
        var table = principal.Table!;
        var name = column.Name;

        // FluentMigrator: .ReferencedBy(…) on the key column names the dependent table and column.
        foreach (var call in column.FluentCalls)
        {
            if (call.Name == "ReferencedBy" && LastTwoStrings(call) is { } referencedBy)
            {
                yield return Find(up, referencedBy.Table, referencedBy.Column);
            }
        }

        foreach (var operation in up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.CreateTable && operation.Table is { } dependentTable)
            {
                // EF Core: table.ForeignKey(…, principalTable: "Orders", principalColumn: "Id") in the constraints lambda.
                foreach (var constraint in operation.Constraints)
                {
                    if (constraint.Kind == MigrationOperationKind.AddForeignKey
                        && Matches(constraint.PrincipalTable, constraint.GetArgument("principalSchema")?.StringValue, table, principal.Schema)
                        && PointsAt(constraint.GetArgument("principalColumn")?.StringValue, name))
                    {
                        yield return constraint.Columns.Length == 1
                            ? Find(up, dependentTable, constraint.Columns[0])
                            : new Reference(dependentTable, null, "a foreign key of '" + dependentTable + "' refers to it with columns the migration does not name one by one");
                    }
                }

                // FluentMigrator: .ForeignKey("FK", "orders", "id") on a column of another new table.
                foreach (var dependent in operation.ColumnDefinitions)
                {
                    foreach (var call in dependent.FluentCalls)
                    {
                        if (call.Name == "ForeignKey" && LastTwoStrings(call) is { } foreignKey
                            && string.Equals(foreignKey.Table, table, StringComparison.OrdinalIgnoreCase)
                            && PointsAt(foreignKey.Column, name))
                        {
                            yield return new Reference(dependentTable, dependent, null);
                        }
                    }
                }
            }
            else if (operation.Kind == MigrationOperationKind.AddForeignKey
                     && Matches(operation.PrincipalTable, operation.GetArgument("principalSchema")?.StringValue, table, principal.Schema)
                     && PointsAt(operation.GetArgument("principalColumn")?.StringValue ?? operation.FindCall("PrimaryColumn")?.FirstString, name)
                     && operation.Table is { } from)
            {
                var foreignColumn = operation.Columns.Length == 1 ? operation.Columns[0] : operation.GetArgument("column")?.StringValue;
                yield return foreignColumn is null
                    ? new Reference(from, null, "a foreign key of '" + from + "' refers to it with columns the migration does not name one by one")
                    : Find(up, from, foreignColumn);
            }
        }
    }

    /// <summary>The dependent column in a table this Up creates; a table it does not create already exists (or comes later).</summary>
    private static Reference Find(MigrationBody up, string table, string column)
    {
        foreach (var operation in up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.CreateTable && string.Equals(operation.Table, table, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var candidate in operation.ColumnDefinitions)
                {
                    if (string.Equals(candidate.Name, column, StringComparison.OrdinalIgnoreCase))
                    {
                        return new Reference(table, candidate, null);
                    }
                }
            }
        }

        return new Reference(table, null, "'" + table + "." + column + "' refers to it from a table this migration does not create, and widening that column would rewrite its table");
    }

    private static bool Matches(string? table, string? schema, string principalTable, string? principalSchema)
        => table is not null && TableName.Matches(schema, table, principalSchema, principalTable);

    /// <summary>A foreign key that names no principal column refers to the primary key, which an identity column usually is.</summary>
    private static bool PointsAt(string? principalColumn, string? column)
        => principalColumn is null || column is null || string.Equals(principalColumn, column, StringComparison.OrdinalIgnoreCase);

    private static (string Table, string Column)? LastTwoStrings(FluentCall call)
    {
        var count = call.Arguments.Length;
        return count >= 2 && call.Arguments[count - 2].StringValue is { } table && call.Arguments[count - 1].StringValue is { } column
            ? (table, column)
            : null;
    }
}

internal static class ColumnCallSyntax
{
    /// <summary>EF Core: the <c>table.Column&lt;T&gt;(…)</c> member access among the nodes of a column definition.</summary>
    public static MemberAccessExpressionSyntax? OfGenericColumnCall(this IEnumerable<SyntaxNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Column" } } access)
            {
                return access;
            }
        }

        return null;
    }
}
