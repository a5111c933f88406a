using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Settings;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1040's fix, the expand step of a rename: instead of renaming the column, the original migration adds the new
/// column with the old column's type (found in the migration history), a second migration copies the data, and the
/// old column stays for the application version that still uses it. Dropping it is a later, separate migration.
/// </summary>
internal static class RenameExpandStep
{
    /// <summary>Facts of the old column that the new one repeats (EF Core parameter names of AddColumn).</summary>
    private static readonly string[] CopiedArguments = { "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "collation", "comment" };

    /// <summary>The key Fix All finds the rename by: <c>table.column</c> (the old names).</summary>
    public static string KeyOf(MigrationOperation rename) => rename.Table + "." + rename.Name;

    public static MigrationOperation? FindRename(MigrationInfo migration, Func<MigrationOperation, bool> match)
        => migration.Up.Operations.FirstOrDefault(operation => operation.Kind == OperationKind.RenameColumn && match(operation));

    public static NewMigrationsPlan? TryPlan(Compilation compilation, INamedTypeSymbol type, string key, DatabaseProvider provider)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up || up.Parent != main || !migration.Up.IsSelfContained
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit)
            || FindRename(migration, operation => KeyOf(operation) == key) is not { Statement: { } statement, Table: { } table, Name: { } oldName, NewName: { } newName } rename
            || new UpTimeline(catalog, migration).ColumnBefore(rename)?.Definition is not { } oldColumn)
        {
            return null;
        }

        var edits = new Dictionary<StatementSyntax, StatementSyntax?>();
        StatementSyntax? addColumn;
        StatementSyntax? dropColumn;
        string copyStatement;
        var sql = $"UPDATE {SqlText.Table(rename.Schema, table, provider)} SET {SqlText.Name(newName, provider)} = {SqlText.Name(oldName, provider)}";
        var quotedTable = Quote(table);
        var quotedNew = Quote(newName);
        if (migration.Framework == MigrationFramework.EntityFrameworkCore)
        {
            if (oldColumn.ClrTypeSyntax is not { } clrType || rename.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
            {
                return null;
            }

            var receiver = access.Expression.ToString();
            var schema = rename.Schema is { } s ? "schema: " + Quote(s) : null;
            var indent = NewMigrationWriter.StatementIndentation(migration) + "    ";
            var lineBreak = NewMigrationWriter.LineBreak(migration);
            var lines = new List<string> { "name: " + quotedNew, "table: " + quotedTable };
            if (schema is not null)
            {
                lines.Add(schema);
            }

            lines.AddRange(CopiedArguments.Where(name => oldColumn.GetArgument(name) is not null).Select(name => name + ": " + oldColumn.GetArgument(name)!.Syntax));
            lines.Add("nullable: true");
            addColumn = NewMigrationWriter.Statement($"{receiver}.AddColumn<{clrType}>({lineBreak}{indent}" + string.Join("," + lineBreak + indent, lines) + ");", migration);
            dropColumn = NewMigrationWriter.Statement(
                $"{receiver}.DropColumn({lineBreak}{indent}name: {quotedNew},{lineBreak}{indent}table: {quotedTable}" + (schema is null ? string.Empty : "," + lineBreak + indent + schema) + ");",
                migration);
            copyStatement = $"{receiver}.Sql({Quote(sql)});";
        }
        else
        {
            var typeCall = oldColumn.FluentCalls.FirstOrDefault(call => call.Name == oldColumn.FluentType);
            if (typeCall?.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax typeAccess } typeInvocation)
            {
                return null;
            }

            var inSchema = rename.Schema is { } s ? $".InSchema({Quote(s)})" : string.Empty;
            addColumn = NewMigrationWriter.Statement($"Alter.Table({quotedTable}){inSchema}.AddColumn({quotedNew}).{typeAccess.Name}{typeInvocation.ArgumentList}.Nullable();", migration);
            dropColumn = NewMigrationWriter.Statement($"Delete.Column({quotedNew}).FromTable({quotedTable}){inSchema};", migration);
            copyStatement = $"Execute.Sql({Quote(sql)});";
        }

        edits[statement] = addColumn.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia());

        // Down renamed the column back: now it drops the new column, and the old one was never touched.
        if (migration.Down.IsDeclared)
        {
            var undo = migration.Down.Operations.FirstOrDefault(operation =>
                operation.Kind == OperationKind.RenameColumn && operation.Name == newName && operation.NewName == oldName
                && operation.Table is { } downTable && TableName.Matches(operation.Schema, downTable, rename.Schema, table));
            if (undo?.Statement is { } undoStatement)
            {
                edits[undoStatement] = dropColumn.WithLeadingTrivia(undoStatement.GetLeadingTrivia()).WithTrailingTrivia(undoStatement.GetTrailingTrivia());
            }
            else if (!migration.Down.DoesNothing)
            {
                return null;
            }
        }

        if (NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Copy" }, compilation) is not { Count: 1 } ids)
        {
            return null;
        }

        var copy = NewMigrationWriter.WithComment(
            NewMigrationWriter.Statement(copyStatement, migration),
            $"Copies {oldName} into {newName}. Keep {oldName} until the application reads and writes {newName} only, then drop it in a later migration.",
            migration);
        return new NewMigrationsPlan(migration, edits, new[] { new NewMigration(ids[0], new[] { copy }, migration.Down.IsDeclared ? new StatementSyntax[0] : null) });
    }

    private static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
