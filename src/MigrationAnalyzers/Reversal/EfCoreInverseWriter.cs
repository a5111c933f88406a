using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reversal;

/// <summary>Writes EF Core <c>MigrationBuilder</c> calls that undo an operation, with named arguments as the scaffolder does.</summary>
internal sealed partial class EfCoreInverseWriter : InverseWriter
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
            case MigrationOperationKind.CreateTable:
                return Emit(statements, Call("DropTable", Args(operation, "name", "schema")), operation, "name");
            case MigrationOperationKind.DropTable:
                return RecreateTable(operation, history, statements);
            case MigrationOperationKind.RenameTable when MovesOutOfDefaultSchema(operation):
            case MigrationOperationKind.RenameSequence when MovesOutOfDefaultSchema(operation):
                return NotReversible(operation, "it moves the object out of the default schema, and EF Core cannot name that schema to move it back");
            case MigrationOperationKind.RenameTable:
                return Emit(statements, Call("RenameTable", Swapped(operation, ("name", "newName"), ("schema", "newSchema"))), operation, "newName");
            case MigrationOperationKind.AddColumn:
                return Emit(statements, Call("DropColumn", Args(operation, "name", "table", "schema")), operation, "name", "table");
            case MigrationOperationKind.DropColumn:
                return RecreateColumn(operation, history, statements);
            case MigrationOperationKind.RenameColumn:
                return Emit(statements, Call("RenameColumn", Swapped(operation, ("name", "newName"), ("table", "table"), ("schema", "schema"))), operation, "newName");
            case MigrationOperationKind.AlterColumn:
                return RevertAlterColumn(operation, statements);
            case MigrationOperationKind.CreateIndex:
                return Emit(statements, Call("DropIndex", Args(operation, "name", "table", "schema")), operation, "name");
            case MigrationOperationKind.DropIndex:
                return RecreateIndex(operation, history, statements);
            case MigrationOperationKind.RenameIndex:
                return Emit(statements, Call("RenameIndex", Swapped(operation, ("name", "newName"), ("table", "table"), ("schema", "schema"))), operation, "newName");
            case MigrationOperationKind.AddPrimaryKey:
                return Emit(statements, Call("DropPrimaryKey", Args(operation, "name", "table", "schema")), operation, "name");
            case MigrationOperationKind.AddForeignKey:
                return Emit(statements, Call("DropForeignKey", Args(operation, "name", "table", "schema")), operation, "name");
            case MigrationOperationKind.AddUniqueConstraint:
                return Emit(statements, Call("DropUniqueConstraint", Args(operation, "name", "table", "schema")), operation, "name");
            case MigrationOperationKind.AddCheckConstraint:
                return Emit(statements, Call("DropCheckConstraint", Args(operation, "name", "table", "schema")), operation, "name");
            case MigrationOperationKind.DropPrimaryKey:
            case MigrationOperationKind.DropForeignKey:
            case MigrationOperationKind.DropUniqueConstraint:
            case MigrationOperationKind.DropCheckConstraint:
                return RecreateKey(operation, history, statements);
            case MigrationOperationKind.EnsureSchema:
                return Emit(statements, Call("DropSchema", Args(operation, "name")), operation, "name");
            case MigrationOperationKind.DropSchema:
                return Emit(statements, Call("EnsureSchema", Args(operation, "name")), operation, "name");
            case MigrationOperationKind.CreateSequence:
                return Emit(statements, Call("DropSequence", Args(operation, "name", "schema")), operation, "name");
            case MigrationOperationKind.DropSequence:
                if (history.FindSequence(operation.Schema, operation.Name) is not { } sequence)
                {
                    return NoHistory(operation, "that sequence");
                }

                statements.Add(Rewrite(sequence, overrides: null));
                return null;
            case MigrationOperationKind.RenameSequence:
                return Emit(statements, Call("RenameSequence", Swapped(operation, ("name", "newName"), ("schema", "newSchema"))), operation, "newName");
            case MigrationOperationKind.InsertData:
                return DeleteInsertedRows(operation, history, statements);
            case MigrationOperationKind.Sql:
                return NotReversible(operation, "raw SQL has no known inverse");
            case MigrationOperationKind.UpdateData:
                return NotReversible(operation, "the previous values are not known");
            case MigrationOperationKind.DeleteData:
                return NotReversible(operation, "the deleted rows are not known");
            case MigrationOperationKind.Unknown:
                return NotReversible(operation, "it is not a known migration operation");
            default:
                return NotReversible(operation, "there is no inverse operation for it");
        }
    }

    /// <summary>A rename with a new schema but no old one: newSchema: null means "keep", so the way back cannot be written.</summary>
    private static bool MovesOutOfDefaultSchema(MigrationOperation operation)
        => operation.GetArgument("newSchema") is { IsNull: false } && operation.GetArgument("schema") is null or { IsNull: true };

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

            if (a == "schema" && valueOfB is null)
            {
                // RenameTable(schema: "a") without newSchema keeps the schema: so does the inverse.
                if (valueOfA is not null)
                {
                    list.Add(Pair(a, valueOfA));
                }

                continue;
            }

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
}
