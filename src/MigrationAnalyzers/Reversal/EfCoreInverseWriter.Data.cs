using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reversal;

/// <summary>InsertData reversed by DeleteData.</summary>
internal sealed partial class EfCoreInverseWriter
{
    /// <summary>InsertData back: DeleteData by the table's key (or every inserted column when the key is unknown).</summary>
    private string? DeleteInsertedRows(MigrationOperation operation, SchemaHistory history, List<string> statements)
    {
        var columnsArgument = operation.GetArgument("columns") ?? operation.GetArgument("column");
        var valuesArgument = operation.GetArgument("values") ?? operation.GetArgument("value");
        if (columnsArgument is null || valuesArgument is null)
        {
            return NotReversible(operation, "its columns and values cannot be read");
        }

        var columns = Elements(columnsArgument.Syntax);
        var rows = Rows(valuesArgument, singleColumn: columnsArgument.Name == "column");
        if (columns is null || rows is null || rows.Count == 0 || rows.Any(r => r.Count != columns.Count))
        {
            return NotReversible(operation, "its columns and values are not written out in the call");
        }

        var names = columns.Select(c => c is LiteralExpressionSyntax literal ? literal.Token.ValueText : null).ToList();
        var keyColumns = history.FindTable(operation.Schema, operation.Table)?.FindKey(MigrationOperationKind.AddPrimaryKey, null)?.Columns;
        var keyIndexes = keyColumns is { Count: > 0 } && keyColumns.All(k => names.Contains(k, StringComparer.OrdinalIgnoreCase))
            ? keyColumns.Select(k => names.FindIndex(n => StringComparer.OrdinalIgnoreCase.Equals(n, k))).ToList()
            : Enumerable.Range(0, columns.Count).ToList();

        var arguments = Args(operation, "table");
        if (keyIndexes.Count == 1)
        {
            arguments.Add(Pair("keyColumn", CodeText.Of(columns[keyIndexes[0]])));
            arguments.Add(rows.Count == 1
                ? Pair("keyValue", CodeText.Of(rows[0][keyIndexes[0]]))
                : Pair("keyValues", "new object[] { " + string.Join(", ", rows.Select(r => CodeText.Of(r[keyIndexes[0]]))) + " }"));
        }
        else
        {
            arguments.Add(Pair("keyColumns", "new[] { " + string.Join(", ", keyIndexes.Select(i => CodeText.Of(columns[i]))) + " }"));
            arguments.Add(rows.Count == 1
                ? Pair("keyValues", "new object[] { " + string.Join(", ", keyIndexes.Select(i => CodeText.Of(rows[0][i]))) + " }")
                : Pair("keyValues", "new object[,]\n{\n" + string.Join(",\n", rows.Select(r => CodeText.Indent + "{ " + string.Join(", ", keyIndexes.Select(i => CodeText.Of(r[i]))) + " }")) + "\n}"));
        }

        arguments.AddRange(Args(operation, "schema"));
        statements.Add(Call("DeleteData", arguments));
        return null;
    }

    /// <summary>The elements of <c>new[] { … }</c> / <c>new string[] { … }</c>, or the expression itself when it is a single value.</summary>
    private static List<ExpressionSyntax>? Elements(ExpressionSyntax syntax) => syntax switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.ToList(),
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax => new List<ExpressionSyntax> { syntax },
        _ => null,
    };

    /// <summary>Rows of an InsertData: <c>new object[,] { { … }, { … } }</c>, one row <c>new object[] { … }</c>, or one value per row for a single column.</summary>
    private static List<List<ExpressionSyntax>>? Rows(OperationArgument values, bool singleColumn)
    {
        var initializer = values.Syntax switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } i } => i,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
            _ => null,
        };

        if (values.Name == "value" || initializer is null)
        {
            return values.Name == "value" ? new List<List<ExpressionSyntax>> { new List<ExpressionSyntax> { values.Syntax } } : null;
        }

        if (initializer.Expressions.Count > 0 && initializer.Expressions.All(e => e is InitializerExpressionSyntax))
        {
            return initializer.Expressions.Cast<InitializerExpressionSyntax>().Select(row => row.Expressions.ToList()).ToList();
        }

        var elements = initializer.Expressions.ToList();
        return singleColumn
            ? elements.Select(e => new List<ExpressionSyntax> { e }).ToList()
            : new List<List<ExpressionSyntax>> { elements };
    }
}
