using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reversal;

/// <summary>Inverses that rebuild what Up drops (tables, columns, indexes, keys) from the schema history.</summary>
internal sealed partial class EfCoreInverseWriter
{
    private string? RecreateTable(MigrationOperation operation, SchemaHistory history, List<string> statements)
    {
        if (history.FindTable(operation.Schema, operation.Table) is not { } table)
        {
            return NoHistory(operation, "that table");
        }

        var arguments = new List<KeyValuePair<string, string>>
        {
            Pair("name", NameText(operation.GetArgument("name"), table.Name)),
        };
        if (operation.GetArgument("schema") is { IsNull: false } schema)
        {
            arguments.Add(Pair("schema", CodeText.Of(schema.Syntax)));
        }

        var columns = new StringBuilder("table => new\n{");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            var member = CodeText.IsIdentifier(column.Name) ? column.Name : "Column" + i;
            var expression = ColumnExpression(column, includeName: member != column.Name);
            if (expression is null)
            {
                return NotReversible(operation, "the definition of column '" + column.Name + "' cannot be rebuilt");
            }

            columns.Append('\n').Append(CodeText.Indent).Append(member).Append(" = ").Append(CodeText.IndentContinuation(expression, 1));
            columns.Append(i < table.Columns.Count - 1 ? "," : string.Empty);
        }

        arguments.Add(Pair("columns", columns.Append("\n}").ToString()));

        var inline = new List<string>();
        var later = new List<string>();
        foreach (var key in table.Keys)
        {
            if (key.Source.Statement is null && table.Created.Constraints.Contains(key.Source))
            {
                inline.Add(ConstraintExpression(key, table));
            }
            else
            {
                later.Add(AddKey(key, table, operation));
            }
        }

        if (inline.Count > 0)
        {
            var constraints = new StringBuilder("table =>\n{");
            foreach (var constraint in inline)
            {
                constraints.Append('\n').Append(CodeText.Indent).Append(CodeText.IndentContinuation(constraint, 1)).Append(';');
            }

            arguments.Add(Pair("constraints", constraints.Append("\n}").ToString()));
        }

        foreach (var name in new[] { "comment" })
        {
            if (table.Created.GetArgument(name) is { IsNull: false } extra)
            {
                arguments.Add(Pair(name, CodeText.Of(extra.Syntax)));
            }
        }

        statements.Add(Call("CreateTable", arguments));
        foreach (var index in table.Indexes)
        {
            statements.Add(CreateIndex(index, table, operation));
        }

        statements.AddRange(later);
        return null;
    }

    /// <summary><c>table.Column&lt;T&gt;(…)</c> for a column as history defines it now.</summary>
    private static string? ColumnExpression(ColumnState column, bool includeName)
    {
        var definition = column.Definition;
        if (definition.ClrTypeSyntax is null)
        {
            return null;
        }

        var (core, annotations) = Peel(definition.Syntax as ExpressionSyntax);
        if (core is null)
        {
            return null;
        }

        var arguments = new List<KeyValuePair<string, string>>();
        if (includeName)
        {
            arguments.Add(Pair("name", CodeText.Literal(column.Name)));
        }

        foreach (var (name, argument) in InOrder(core, definition.Arguments))
        {
            if (name is "name" or "table" or "schema" || IsOldArgument(name))
            {
                continue;
            }

            arguments.Add(Pair(name, CodeText.Of(argument.Syntax)));
        }

        // table.Column<T>() without nullable takes it from T; AddColumn/AlterColumn default to NOT NULL. Say it.
        if (column.Source.Kind != MigrationOperationKind.CreateTable && !definition.Arguments.ContainsKey("nullable"))
        {
            arguments.Add(Pair("nullable", "false"));
        }

        if (column.Source.Kind != MigrationOperationKind.CreateTable)
        {
            annotations = AnnotationsOf(column.Source.Syntax);
        }

        var text = new StringBuilder("table.Column<").Append(definition.ClrTypeSyntax).Append(">(");
        text.Append(string.Join(", ", arguments.Select(a => a.Key + ": " + a.Value))).Append(')');
        foreach (var annotation in annotations)
        {
            if (annotation.StartsWith(".Annotation(", StringComparison.Ordinal))
            {
                text.Append('\n').Append(CodeText.Indent).Append(CodeText.IndentContinuation(annotation, 1));
            }
        }

        return text.ToString();
    }

    private static bool IsOldArgument(string name) => name.Length > 3 && name.StartsWith("old", StringComparison.Ordinal) && char.IsUpper(name[3]);

    /// <summary>The arguments of a call in the order they are written, with their parameter names.</summary>
    private static IEnumerable<(string Name, OperationArgument Argument)> InOrder(InvocationExpressionSyntax call, IReadOnlyDictionary<string, OperationArgument> byName)
    {
        foreach (var written in call.ArgumentList.Arguments)
        {
            foreach (var pair in byName)
            {
                if (pair.Value.Syntax == written.Expression)
                {
                    yield return (pair.Key, pair.Value);
                    break;
                }
            }
        }
    }

    /// <summary>Splits <c>x.Column&lt;T&gt;(…).Annotation(…)</c> into the call and its annotation calls (as text, in order).</summary>
    private static (InvocationExpressionSyntax? Core, List<string> Annotations) Peel(ExpressionSyntax? expression)
    {
        var annotations = new List<string>();
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            if (access.Name.Identifier.ValueText is "Annotation" or "OldAnnotation")
            {
                annotations.Insert(0, "." + access.Name.Identifier.ValueText + CodeText.Of(invocation.ArgumentList));
                expression = access.Expression;
                continue;
            }

            return (invocation, annotations);
        }

        return (null, annotations);
    }

    private static List<string> AnnotationsOf(ExpressionSyntax syntax) => Peel(syntax).Annotations;

    private string? RecreateColumn(MigrationOperation operation, SchemaHistory history, List<string> statements)
    {
        if (history.FindTable(operation.Schema, operation.Table)?.FindColumn(operation.Name) is not { } column)
        {
            return NoHistory(operation, "that column");
        }

        if (AddColumn(column, operation) is not { } statement)
        {
            return NotReversible(operation, "the column's definition cannot be rebuilt");
        }

        statements.Add(statement);
        return null;
    }

    private string? AddColumn(ColumnState column, MigrationOperation drop)
    {
        var definition = column.Definition;
        var (core, annotations) = Peel(definition.Syntax as ExpressionSyntax);
        if (definition.ClrTypeSyntax is null || core is null)
        {
            return null;
        }

        var arguments = new List<KeyValuePair<string, string>>
        {
            Pair("name", NameText(drop.GetArgument("name"), column.Name)),
        };
        arguments.AddRange(Args(drop, "table", "schema"));
        foreach (var (name, argument) in InOrder(core, definition.Arguments))
        {
            if (name is "name" or "table" or "schema" || IsOldArgument(name))
            {
                continue;
            }

            arguments.Add(Pair(name, CodeText.Of(argument.Syntax)));
        }

        if (column.Source.Kind == MigrationOperationKind.CreateTable && !definition.Arguments.ContainsKey("nullable"))
        {
            if (definition.ClrType is not { } type)
            {
                return null;
            }

            var nullable = type.IsReferenceType || type.IsNullableValueType;
            arguments.Add(Pair("nullable", nullable ? "true" : "false"));
        }

        if (column.Source.Kind != MigrationOperationKind.CreateTable)
        {
            annotations = AnnotationsOf(column.Source.Syntax);
        }

        var text = new StringBuilder(Call("AddColumn", arguments, definition.ClrTypeSyntax.ToString()));
        foreach (var annotation in annotations)
        {
            if (annotation.StartsWith(".Annotation(", StringComparison.Ordinal))
            {
                text.Append('\n').Append(CodeText.Indent).Append(CodeText.IndentContinuation(annotation, 1));
            }
        }

        return text.ToString();
    }

    private string? RecreateIndex(MigrationOperation operation, SchemaHistory history, List<string> statements)
    {
        if (history.FindIndex(operation.Schema, operation.Table, operation.Name) is not { } found)
        {
            return NoHistory(operation, "that index");
        }

        statements.Add(CreateIndex(found.Index, found.Table, operation));
        return null;
    }

    private string CreateIndex(IndexState index, TableState table, MigrationOperation drop)
    {
        var overrides = new Dictionary<string, string>
        {
            ["name"] = drop.Kind == MigrationOperationKind.DropIndex ? NameText(drop.GetArgument("name"), index.Name) : CodeText.Literal(index.Name),
            ["table"] = drop.Kind == MigrationOperationKind.DropIndex || drop.Kind == MigrationOperationKind.DropTable
                ? NameText(drop.GetArgument(drop.Kind == MigrationOperationKind.DropTable ? "name" : "table"), table.Name)
                : CodeText.Literal(table.Name),
        };
        if (!index.Columns.SequenceEqual(index.Source.Columns))
        {
            AddColumns(overrides, index.Source, index.Columns);
        }

        return Rewrite(index.Source, overrides);
    }

    private static void AddColumns(Dictionary<string, string> overrides, MigrationOperation source, List<string> columns)
    {
        if (source.GetArgument("columns") is not null || columns.Count != 1)
        {
            overrides["columns"] = "new[] { " + string.Join(", ", columns.Select(CodeText.Literal)) + " }";
            overrides["column"] = string.Empty;
        }
        else
        {
            overrides["column"] = CodeText.Literal(columns[0]);
        }
    }

    /// <summary>
    /// An earlier operation written again on this builder, every argument named, with some values replaced
    /// (a replacement that is empty drops the argument). Its annotations follow it.
    /// </summary>
    private string Rewrite(MigrationOperation source, Dictionary<string, string>? overrides)
    {
        var (core, annotations) = Peel(source.Syntax);
        var arguments = new List<KeyValuePair<string, string>>();
        var used = new HashSet<string>();
        string? typeArgument = null;
        if (core is not null)
        {
            if (core.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic })
            {
                typeArgument = generic.TypeArgumentList.Arguments.ToString();
            }

            foreach (var (name, argument) in InOrder(core, source.Arguments))
            {
                used.Add(name);
                if (overrides is not null && overrides.TryGetValue(name, out var replacement))
                {
                    if (replacement.Length > 0)
                    {
                        arguments.Add(Pair(name, replacement));
                    }
                }
                else
                {
                    arguments.Add(Pair(name, CodeText.Of(argument.Syntax)));
                }
            }
        }

        foreach (var pair in overrides ?? new Dictionary<string, string>())
        {
            if (!used.Contains(pair.Key) && pair.Value.Length > 0)
            {
                arguments.Add(pair);
            }
        }

        var text = new StringBuilder(Call(source.MethodName, arguments, typeArgument));
        foreach (var annotation in annotations)
        {
            text.Append('\n').Append(CodeText.Indent).Append(CodeText.IndentContinuation(annotation, 1));
        }

        return text.ToString();
    }

    private string? RecreateKey(MigrationOperation operation, SchemaHistory history, List<string> statements)
    {
        var table = history.FindTable(operation.Schema, operation.Table);
        if (table?.FindKey(SchemaHistory.AddKindOf(operation.Kind), operation.Name) is not { } key)
        {
            return NoHistory(operation, "that key or constraint");
        }

        statements.Add(AddKey(key, table, operation));
        return null;
    }

    /// <summary>A key or constraint as a statement of its own: AddPrimaryKey, AddForeignKey, AddUniqueConstraint or AddCheckConstraint.</summary>
    private string AddKey(KeyState key, TableState table, MigrationOperation drop)
    {
        var tableText = NameText(drop.GetArgument(drop.Kind == MigrationOperationKind.DropTable ? "name" : "table"), table.Name);
        var nameText = key.Name is null ? null : NameText(drop.Kind == MigrationOperationKind.DropTable ? null : drop.GetArgument("name"), key.Name);
        if (key.Source.Statement is not null)
        {
            var overrides = new Dictionary<string, string> { ["table"] = tableText };
            if (nameText is not null)
            {
                overrides["name"] = nameText;
            }

            if (!key.Columns.SequenceEqual(key.Source.Columns))
            {
                AddColumns(overrides, key.Source, key.Columns);
            }

            return Rewrite(key.Source, overrides);
        }

        // A constraint declared inside CreateTable: written as the matching MigrationBuilder call.
        var method = key.Kind switch
        {
            MigrationOperationKind.AddPrimaryKey => "AddPrimaryKey",
            MigrationOperationKind.AddForeignKey => "AddForeignKey",
            MigrationOperationKind.AddUniqueConstraint => "AddUniqueConstraint",
            _ => "AddCheckConstraint",
        };
        var arguments = new List<KeyValuePair<string, string>>();
        if (nameText is not null)
        {
            arguments.Add(Pair("name", nameText));
        }

        arguments.Add(Pair("table", tableText));
        if (table.Schema is not null)
        {
            arguments.Add(Pair("schema", CodeText.Literal(table.Schema)));
        }

        if (key.Kind != MigrationOperationKind.AddCheckConstraint)
        {
            arguments.Add(key.Columns.Count == 1
                ? Pair("column", CodeText.Literal(key.Columns[0]))
                : Pair("columns", "new[] { " + string.Join(", ", key.Columns.Select(CodeText.Literal)) + " }"));
        }

        var (core, _) = Peel(key.Source.Syntax);
        if (core is not null)
        {
            foreach (var (name, argument) in InOrder(core, key.Source.Arguments))
            {
                if (name is not ("name" or "column" or "columns"))
                {
                    arguments.Add(Pair(name, CodeText.Of(argument.Syntax)));
                }
            }
        }

        return Call(method, arguments);
    }

    /// <summary><c>table.PrimaryKey("PK_Users", x => x.Id)</c>: a key inside a rebuilt CreateTable, with current column names.</summary>
    private static string ConstraintExpression(KeyState key, TableState table)
    {
        var (core, annotations) = Peel(key.Source.Syntax);
        var selector = key.Columns.Count == 1
            ? "x => x." + Member(key.Columns[0])
            : "x => new { " + string.Join(", ", key.Columns.Select(c => "x." + Member(c))) + " }";
        var arguments = new List<KeyValuePair<string, string>>();
        var named = false;
        var multiLine = false;
        if (core is not null)
        {
            named = core.ArgumentList.Arguments.Any(a => a.NameColon is not null);
            multiLine = core.ArgumentList.ToString().IndexOf('\n') >= 0;
            foreach (var (name, argument) in InOrder(core, key.Source.Arguments))
            {
                arguments.Add(Pair(name, name is "column" or "columns" ? selector : CodeText.Of(argument.Syntax)));
            }
        }

        // Written the way the original was: one named argument per line, or all on one line.
        var text = named && multiLine
            ? CodeText.NamedCall("table." + key.Source.MethodName, arguments)
            : "table." + key.Source.MethodName + "(" + string.Join(", ", arguments.Select(a => named ? a.Key + ": " + a.Value : a.Value)) + ")";
        return text + string.Concat(annotations.Select(a => "\n" + CodeText.Indent + a));

        string Member(string column)
        {
            var index = table.Columns.FindIndex(c => StringComparer.OrdinalIgnoreCase.Equals(c.Name, column));
            return index >= 0 && !CodeText.IsIdentifier(column) ? "Column" + index : column;
        }
    }
}
