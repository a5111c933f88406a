using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Reversal;

/// <summary>Writes EF Core <c>MigrationBuilder</c> calls that undo an operation, with named arguments as the scaffolder does.</summary>
internal sealed class EfCoreInverseWriter : InverseWriter
{
    private readonly string _builder;

    public EfCoreInverseWriter(string builder)
    {
        _builder = builder;
    }

    public override string? TryInvert(MigrationOperation operation, SchemaHistory history, List<string> statements)
    {
        switch (operation.Kind)
        {
            case OperationKind.CreateTable:
                return Emit(statements, Call("DropTable", Args(operation, "name", "schema")), operation, "name");
            case OperationKind.DropTable:
                return RecreateTable(operation, history, statements);
            case OperationKind.RenameTable:
                return Emit(statements, Call("RenameTable", Swapped(operation, ("name", "newName"), ("schema", "newSchema"))), operation, "newName");
            case OperationKind.AddColumn:
                return Emit(statements, Call("DropColumn", Args(operation, "name", "table", "schema")), operation, "name", "table");
            case OperationKind.DropColumn:
                return RecreateColumn(operation, history, statements);
            case OperationKind.RenameColumn:
                return Emit(statements, Call("RenameColumn", Swapped(operation, ("name", "newName"), ("table", "table"), ("schema", "schema"))), operation, "newName");
            case OperationKind.AlterColumn:
                return RevertAlterColumn(operation, statements);
            case OperationKind.CreateIndex:
                return Emit(statements, Call("DropIndex", Args(operation, "name", "table", "schema")), operation, "name");
            case OperationKind.DropIndex:
                return RecreateIndex(operation, history, statements);
            case OperationKind.RenameIndex:
                return Emit(statements, Call("RenameIndex", Swapped(operation, ("name", "newName"), ("table", "table"), ("schema", "schema"))), operation, "newName");
            case OperationKind.AddPrimaryKey:
                return Emit(statements, Call("DropPrimaryKey", Args(operation, "name", "table", "schema")), operation, "name");
            case OperationKind.AddForeignKey:
                return Emit(statements, Call("DropForeignKey", Args(operation, "name", "table", "schema")), operation, "name");
            case OperationKind.AddUniqueConstraint:
                return Emit(statements, Call("DropUniqueConstraint", Args(operation, "name", "table", "schema")), operation, "name");
            case OperationKind.AddCheckConstraint:
                return Emit(statements, Call("DropCheckConstraint", Args(operation, "name", "table", "schema")), operation, "name");
            case OperationKind.DropPrimaryKey:
            case OperationKind.DropForeignKey:
            case OperationKind.DropUniqueConstraint:
            case OperationKind.DropCheckConstraint:
                return RecreateKey(operation, history, statements);
            case OperationKind.EnsureSchema:
                return Emit(statements, Call("DropSchema", Args(operation, "name")), operation, "name");
            case OperationKind.DropSchema:
                return Emit(statements, Call("EnsureSchema", Args(operation, "name")), operation, "name");
            case OperationKind.CreateSequence:
                return Emit(statements, Call("DropSequence", Args(operation, "name", "schema")), operation, "name");
            case OperationKind.DropSequence:
                if (history.FindSequence(operation.Schema, operation.Name) is not { } sequence)
                {
                    return NoHistory(operation, "that sequence");
                }

                statements.Add(Rewrite(sequence, overrides: null));
                return null;
            case OperationKind.RenameSequence:
                return Emit(statements, Call("RenameSequence", Swapped(operation, ("name", "newName"), ("schema", "newSchema"))), operation, "newName");
            case OperationKind.InsertData:
                return DeleteInsertedRows(operation, history, statements);
            case OperationKind.Sql:
                return NotReversible(operation, "raw SQL has no known inverse");
            case OperationKind.UpdateData:
                return NotReversible(operation, "the previous values are not known");
            case OperationKind.DeleteData:
                return NotReversible(operation, "the deleted rows are not known");
            case OperationKind.Unknown:
                return NotReversible(operation, "it is not a known migration operation");
            default:
                return NotReversible(operation, "there is no inverse operation for it");
        }
    }

    /// <summary>Adds the statement unless a name it needs is not written in the call.</summary>
    private static string? Emit(List<string> statements, string statement, MigrationOperation operation, params string[] required)
    {
        foreach (var name in required)
        {
            if (operation.GetArgument(name) is null)
            {
                return NotReversible(operation, "its '" + name + "' is not given");
            }
        }

        statements.Add(statement);
        return null;
    }

    private string Call(string method, IReadOnlyList<KeyValuePair<string, string>> arguments, string? typeArgument = null)
        => CodeText.NamedCall(_builder + "." + method + (typeArgument is null ? string.Empty : "<" + typeArgument + ">"), arguments);

    /// <summary>The named arguments copied as written (constants and <c>nameof</c> stay).</summary>
    private static List<KeyValuePair<string, string>> Args(MigrationOperation operation, params string[] names)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var name in names)
        {
            if (operation.GetArgument(name) is { IsNull: false } argument)
            {
                list.Add(Pair(name, CodeText.Of(argument.Syntax)));
            }
        }

        return list;
    }

    /// <summary>Renames: each pair's values trade places (name ↔ newName).</summary>
    private static List<KeyValuePair<string, string>> Swapped(MigrationOperation operation, params (string A, string B)[] pairs)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (a, b) in pairs)
        {
            var valueOfA = operation.GetArgument(a) is { IsNull: false } first ? CodeText.Of(first.Syntax) : null;
            var valueOfB = operation.GetArgument(b) is { IsNull: false } second ? CodeText.Of(second.Syntax) : null;
            if (a == b)
            {
                if (valueOfA is not null)
                {
                    list.Add(Pair(a, valueOfA));
                }

                continue;
            }

            // RenameTable(schema: "a", newSchema: null) keeps the schema: the inverse does too.
            valueOfB ??= a.EndsWith("chema", StringComparison.Ordinal) ? valueOfA : null;
            if (valueOfB is not null)
            {
                list.Add(Pair(a, valueOfB));
            }

            if (valueOfA is not null)
            {
                list.Add(Pair(b, valueOfA));
            }
        }

        // Keep EF Core's parameter order: name, table, schema, newName, newSchema.
        var order = new[] { "name", "table", "schema", "newName", "newSchema" };
        list.Sort((x, y) => Array.IndexOf(order, x.Key).CompareTo(Array.IndexOf(order, y.Key)));
        return list;
    }

    private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);

    /// <summary>The argument as written when it still says <paramref name="value"/>, otherwise a literal.</summary>
    private static string NameText(OperationArgument? written, string value)
        => written is not null && written.StringValue == value ? CodeText.Of(written.Syntax) : CodeText.Literal(value);

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

        if (column.Source.Kind != OperationKind.CreateTable)
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

        if (column.Source.Kind != OperationKind.CreateTable)
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

    /// <summary>AlterColumn back: every argument trades places with its <c>old…</c> twin, the CLR type with <c>oldClrType</c>.</summary>
    private string? RevertAlterColumn(MigrationOperation operation, List<string> statements)
    {
        var (core, annotations) = Peel(operation.Syntax);
        if (core is null || operation.Column?.ClrTypeSyntax is not { } type)
        {
            return NotReversible(operation, "its arguments cannot be read");
        }

        var written = InOrder(core, operation.Arguments).ToList();
        if (!written.Any(w => IsOldArgument(w.Name)))
        {
            return NotReversible(operation, "it does not record the column's previous definition (no old… arguments)");
        }

        var location = new List<KeyValuePair<string, string>>();
        var current = new List<KeyValuePair<string, string>>();
        var previous = new List<KeyValuePair<string, string>>();
        var newType = type.ToString();
        foreach (var (name, argument) in written)
        {
            if (name is "name" or "table" or "schema")
            {
                location.Add(Pair(name, CodeText.Of(argument.Syntax)));
            }
            else if (name == "oldClrType")
            {
                if (argument.Syntax is not TypeOfExpressionSyntax typeOf)
                {
                    return NotReversible(operation, "its oldClrType is not a typeof(…)");
                }

                newType = typeOf.Type.ToString();
            }
            else if (IsOldArgument(name))
            {
                current.Add(Pair(char.ToLowerInvariant(name[3]) + name.Substring(4), CodeText.Of(argument.Syntax)));
            }
            else
            {
                previous.Add(Pair("old" + char.ToUpperInvariant(name[0]) + name.Substring(1), CodeText.Of(argument.Syntax)));
            }
        }

        var arguments = new List<KeyValuePair<string, string>>(location);
        arguments.AddRange(current);
        arguments.Add(Pair("oldClrType", "typeof(" + type + ")"));
        arguments.AddRange(previous);
        var text = new StringBuilder(Call("AlterColumn", arguments, newType));
        foreach (var annotation in annotations)
        {
            // Annotation and OldAnnotation trade places too.
            var swapped = annotation.StartsWith(".Annotation(", StringComparison.Ordinal)
                ? ".OldAnnotation(" + annotation.Substring(".Annotation(".Length)
                : ".Annotation(" + annotation.Substring(".OldAnnotation(".Length);
            text.Append('\n').Append(CodeText.Indent).Append(CodeText.IndentContinuation(swapped, 1));
        }

        statements.Add(text.ToString());
        return null;
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
            ["name"] = drop.Kind == OperationKind.DropIndex ? NameText(drop.GetArgument("name"), index.Name) : CodeText.Literal(index.Name),
            ["table"] = drop.Kind == OperationKind.DropIndex || drop.Kind == OperationKind.DropTable
                ? NameText(drop.GetArgument(drop.Kind == OperationKind.DropTable ? "name" : "table"), table.Name)
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
        var tableText = NameText(drop.GetArgument(drop.Kind == OperationKind.DropTable ? "name" : "table"), table.Name);
        var nameText = key.Name is null ? null : NameText(drop.Kind == OperationKind.DropTable ? null : drop.GetArgument("name"), key.Name);
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
            OperationKind.AddPrimaryKey => "AddPrimaryKey",
            OperationKind.AddForeignKey => "AddForeignKey",
            OperationKind.AddUniqueConstraint => "AddUniqueConstraint",
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

        if (key.Kind != OperationKind.AddCheckConstraint)
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
        var keyColumns = history.FindTable(operation.Schema, operation.Table)?.FindKey(OperationKind.AddPrimaryKey, null)?.Columns;
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
