using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reversal;

/// <summary>Writes FluentMigrator expressions that undo an operation (<c>Delete.Table("Users")</c> for <c>Create.Table("Users")</c> …).</summary>
internal sealed class FluentMigratorInverseWriter : InverseWriter
{
    /// <summary>Calls that place a column definition, not part of the column itself.</summary>
    private static readonly HashSet<string> Placement = new HashSet<string>(StringComparer.Ordinal) { "OnTable", "InSchema", "FromTable" };

    public override string? TryInvert(MigrationOperation operation, SchemaHistory history, List<string> statements)
    {
        var calls = operation.FluentCalls;
        var verb = calls.Length > 1 ? calls[1] : null;
        var schema = InSchema(operation);
        switch (operation.Kind)
        {
            case MigrationOperationKind.CreateTable:
                return Add(statements, operation, "Delete.Table(" + First(verb) + ")" + schema, verb);
            case MigrationOperationKind.DropTable:
                return RecreateTable(operation, history, statements);
            case MigrationOperationKind.AddColumn:
            {
                var name = First(operation.Column?.Syntax as InvocationExpressionSyntax);
                var table = operation.MethodName == "Alter.Table" ? First(verb) : First(operation.FindCall("OnTable"));
                return name is null || table is null
                    ? NotReversible(operation, "its column or table is not given")
                    : Add(statements, operation, "Delete.Column(" + name + ").FromTable(" + table + ")" + schema);
            }

            case MigrationOperationKind.DropColumn:
            {
                if (history.FindTable(operation.Schema, operation.Table)?.FindColumn(operation.Name) is not { } column)
                {
                    return NoHistory(operation, "that column");
                }

                return Add(statements, operation, "Create.Column(" + CodeText.Literal(column.Name) + ").OnTable(" + First(operation.FindCall("FromTable")) + ")" + schema + Modifiers(column.Definition), operation.FindCall("FromTable"));
            }

            case MigrationOperationKind.AlterColumn:
            {
                if (operation.ColumnDefinitions.IsEmpty)
                {
                    return NotReversible(operation, "the removed default is not known");
                }

                var table = operation.MethodName == "Alter.Table" ? First(verb) : First(operation.FindCall("OnTable"));
                if (table is null)
                {
                    return NotReversible(operation, "its table is not given");
                }

                if (history.FindTable(operation.Schema, operation.Table)?.FindColumn(operation.Name) is not { } column)
                {
                    return NoHistory(operation, "that column");
                }

                return Add(statements, operation, "Alter.Column(" + CodeText.Literal(column.Name) + ").OnTable(" + table + ")" + schema + Modifiers(column.Definition));
            }

            case MigrationOperationKind.RenameTable:
                return Add(statements, operation, "Rename.Table(" + First(operation.FindCall("To")) + ")" + schema + ".To(" + First(verb) + ")", verb, operation.FindCall("To"));
            case MigrationOperationKind.RenameColumn:
                return Add(statements, operation, "Rename.Column(" + First(operation.FindCall("To")) + ").OnTable(" + First(operation.FindCall("OnTable")) + ")" + schema + ".To(" + First(verb) + ")", verb, operation.FindCall("To"), operation.FindCall("OnTable"));
            case MigrationOperationKind.CreateIndex:
                return Add(statements, operation, "Delete.Index(" + First(verb) + ").OnTable(" + First(operation.FindCall("OnTable")) + ")" + schema, verb, operation.FindCall("OnTable"));
            case MigrationOperationKind.AddForeignKey:
                return Add(statements, operation, "Delete.ForeignKey(" + First(verb) + ").OnTable(" + First(operation.FindCall("FromTable")) + ")" + schema, verb, operation.FindCall("FromTable"));
            case MigrationOperationKind.AddPrimaryKey:
                return Add(statements, operation, "Delete.PrimaryKey(" + First(verb) + ").FromTable(" + First(operation.FindCall("OnTable")) + ")" + schema, verb, operation.FindCall("OnTable"));
            case MigrationOperationKind.AddUniqueConstraint:
                return Add(statements, operation, "Delete.UniqueConstraint(" + First(verb) + ").FromTable(" + First(operation.FindCall("OnTable")) + ")" + schema, verb, operation.FindCall("OnTable"));
            case MigrationOperationKind.DropIndex:
            {
                if (history.FindIndex(operation.Schema, operation.Table, operation.Name) is not { } found)
                {
                    return NoHistory(operation, "that index");
                }

                return Add(statements, operation, Rewrite(found.Index.Source, found.Table.Name, found.Index.Columns));
            }

            case MigrationOperationKind.DropPrimaryKey:
            case MigrationOperationKind.DropForeignKey:
            case MigrationOperationKind.DropUniqueConstraint:
            {
                var table = history.FindTable(operation.Schema, operation.Table);
                if (table?.FindKey(SchemaHistory.AddKindOf(operation.Kind), operation.Name) is not { } key)
                {
                    return NoHistory(operation, "that key or constraint");
                }

                return Add(statements, operation, Rewrite(key.Source, table.Name, key.Columns));
            }

            case MigrationOperationKind.EnsureSchema:
                return Add(statements, operation, "Delete.Schema(" + First(verb) + ")", verb);
            case MigrationOperationKind.DropSchema:
                return Add(statements, operation, "Create.Schema(" + First(verb) + ")", verb);
            case MigrationOperationKind.CreateSequence:
                return Add(statements, operation, "Delete.Sequence(" + First(verb) + ")" + schema, verb);
            case MigrationOperationKind.DropSequence:
                return history.FindSequence(operation.Schema, operation.Name) is { } sequence
                    ? Add(statements, operation, Rewrite(sequence, null, null))
                    : NoHistory(operation, "that sequence");
            case MigrationOperationKind.InsertData:
            {
                var rows = operation.FluentCalls.Where(c => c.Name == "Row").ToList();
                if (rows.Count == 0)
                {
                    return NotReversible(operation, "it inserts no rows");
                }

                // FluentMigrator's own Reverse() of an insert: delete the same rows, matched on every column given.
                return Add(statements, operation, "Delete.FromTable(" + First(verb) + ")" + schema + string.Concat(rows.Select(r => "\n" + CodeText.Indent + CallText(r))), verb);
            }

            case MigrationOperationKind.Sql:
                return NotReversible(operation, "raw SQL has no known inverse");
            case MigrationOperationKind.OpaqueScript:
                return NotReversible(operation, "what the script does is not known");
            case MigrationOperationKind.UpdateData:
                return NotReversible(operation, "the previous values are not known");
            case MigrationOperationKind.DeleteData:
                return NotReversible(operation, "the deleted rows are not known");
            default:
                return NotReversible(operation, "there is no inverse operation for it");
        }
    }

    /// <summary>Adds the statement, with the operation's <c>IfDatabase(…)</c> condition, unless a name it needs is missing.</summary>
    private static string? Add(List<string> statements, MigrationOperation operation, string statement, params FluentCall?[] required)
    {
        foreach (var call in required)
        {
            if (call is null || call.Arguments.IsEmpty)
            {
                return NotReversible(operation, "a name it needs is not given");
            }
        }

        statements.Add(Condition(operation) + statement);
        return null;
    }

    private string? RecreateTable(MigrationOperation operation, SchemaHistory history, List<string> statements)
    {
        if (history.FindTable(operation.Schema, operation.Table) is not { } table)
        {
            return NoHistory(operation, "that table");
        }

        var text = new StringBuilder(Condition(operation)).Append("Create.Table(").Append(First(operation.FluentCalls[1])).Append(')').Append(InSchema(operation));
        foreach (var column in table.Columns)
        {
            text.Append('\n').Append(CodeText.Indent).Append(".WithColumn(").Append(CodeText.Literal(column.Name)).Append(')').Append(Modifiers(column.Definition));
        }

        statements.Add(text.ToString());
        foreach (var index in table.Indexes)
        {
            statements.Add(Rewrite(index.Source, table.Name, index.Columns));
        }

        foreach (var key in table.Keys)
        {
            statements.Add(Rewrite(key.Source, table.Name, key.Columns));
        }

        return null;
    }

    /// <summary>The column's type and options (<c>.AsString(100).Nullable()</c>), without where it was placed.</summary>
    private static string Modifiers(ColumnDefinition definition)
        => string.Concat(definition.FluentCalls.Where(c => !Placement.Contains(c.Name)).Select(CallText));

    /// <summary>
    /// An earlier Create… chain written again, with its table and column names brought up to date when they were
    /// renamed since.
    /// </summary>
    private static string Rewrite(MigrationOperation source, string? table, List<string>? columns)
    {
        var text = new StringBuilder(Condition(source));
        var calls = source.FluentCalls;
        var columnIndex = 0;
        for (var i = 0; i < calls.Length; i++)
        {
            var call = calls[i];
            if (i > 0)
            {
                text.Append('.');
            }

            if (table is not null && call.Name is "OnTable" or "FromTable" && call.FirstString is { } written && !StringComparer.OrdinalIgnoreCase.Equals(written, table))
            {
                text.Append(call.Name).Append('(').Append(CodeText.Literal(table)).Append(')');
            }
            else if (columns is not null && call.Name is "OnColumn" or "Column" or "ForeignColumn" && call.Arguments.Length == 1 && columnIndex < columns.Count)
            {
                var current = columns[columnIndex++];
                text.Append(call.FirstString == current ? CallText(call).Substring(1) : call.Name + "(" + CodeText.Literal(current) + ")");
            }
            else
            {
                text.Append(i == 0 ? call.Name : CallText(call).Substring(1));
            }
        }

        return text.ToString();
    }

    /// <summary><c>.Name(arguments)</c> as written (generic arguments kept).</summary>
    private static string CallText(FluentCall call) => call.Syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation => "." + access.Name + CodeText.Of(invocation.ArgumentList),
        InvocationExpressionSyntax { Expression: SimpleNameSyntax name } invocation => "." + name + CodeText.Of(invocation.ArgumentList),
        _ => "." + call.Name,
    };

    private static string? First(FluentCall? call)
        => call?.Syntax is InvocationExpressionSyntax invocation ? First(invocation) : null;

    private static string? First(InvocationExpressionSyntax? invocation)
        => invocation is { ArgumentList.Arguments.Count: > 0 } ? CodeText.Of(invocation.ArgumentList.Arguments[0].Expression) : null;

    /// <summary>Calls that name the table (or sequence) the expression is about; ToTable names another one.</summary>
    private static readonly HashSet<string> Subject = new HashSet<string>(StringComparer.Ordinal) { "Table", "OnTable", "FromTable", "IntoTable", "Sequence" };

    /// <summary>
    /// <c>.InSchema("s")</c> for the schema of the expression's own table: the InSchema (WithSchema for keys) that
    /// follows the call naming it. A foreign key's <c>ToTable(…).InSchema(…)</c> is the other table's schema.
    /// </summary>
    private static string InSchema(MigrationOperation operation)
    {
        var calls = operation.FluentCalls;
        for (var i = 0; i + 1 < calls.Length; i++)
        {
            if (Subject.Contains(calls[i].Name) && calls[i + 1].Name is "InSchema" or "WithSchema"
                && calls[i + 1].Syntax is InvocationExpressionSyntax schema)
            {
                return ".InSchema" + CodeText.Of(schema.ArgumentList);
            }
        }

        return string.Empty;
    }

    /// <summary><c>IfDatabase("SqlServer").</c> when the operation runs only on some databases.</summary>
    private static string Condition(MigrationOperation operation)
    {
        for (var node = operation.Syntax; node is InvocationExpressionSyntax or MemberAccessExpressionSyntax;)
        {
            if (node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "IfDatabase" } } condition)
            {
                return CodeText.Of(condition) + ".";
            }

            node = node is InvocationExpressionSyntax invocation ? invocation.Expression : ((MemberAccessExpressionSyntax)node).Expression;
        }

        return string.Empty;
    }
}
