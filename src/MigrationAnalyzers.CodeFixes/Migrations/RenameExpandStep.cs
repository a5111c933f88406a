using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1040's fix, the expand step of a rename, safe while the old and the new application version both run: instead
/// of renaming the column, the original migration adds the new column with the old column's type (found in the
/// migration history), nullable. A second migration, <c>&lt;Name&gt;Sync</c>, creates the triggers that keep both
/// columns in step (<see cref="RenameSyncSql"/>; on SQL Server it first lets the old column take NULL, since the new
/// model's inserts leave it out), and a third, <c>&lt;Name&gt;Copy</c>, copies the existing rows (in a transaction of
/// its own: with the triggers' DDL it would hold their table lock while it runs, and MIG1020 would report the mix).
/// The first two have real Downs; the copy has nothing to undo. The old column and the triggers stay until the
/// contract step, a later migration written once no running version uses the old name.
/// </summary>
internal static class RenameExpandStep
{
    /// <summary>Facts of the old column that the new one repeats (EF Core parameter names of AddColumn).</summary>
    private static readonly string[] CopiedArguments = { "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "collation", "comment" };

    /// <summary>What an AlterColumn of the old column repeats besides the type facts, so SQL Server keeps its default.</summary>
    private static readonly string[] KeptByAlter = { "defaultValue", "defaultValueSql" };

    /// <summary>The key Fix All finds the rename by: <c>table.column</c> (the old names).</summary>
    public static string KeyOf(MigrationOperation rename) => rename.Table + "." + rename.Name;

    public static MigrationOperation? FindRename(MigrationInfo migration, Func<MigrationOperation, bool> match)
        => migration.Up.Operations.FirstOrDefault(operation => operation.Kind == MigrationOperationKind.RenameColumn && match(operation));

    public static NewMigrationsPlan? TryPlan(Compilation compilation, INamedTypeSymbol type, string key, TargetDatabase target)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up || up.Parent != main || !migration.Up.IsSelfContained
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit)
            || FindRename(migration, operation => KeyOf(operation) == key) is not { Statement: { } statement, Table: { } table, Name: { } oldName, NewName: { } newName } rename)
        {
            return null;
        }

        // The rule said why when there is no fix (SQLite, unknown target, computed column, no primary key for SQL Server).
        var timeline = new UpTimeline(catalog, migration);
        var provider = target.Provider;
        if (RenameExpandability.WhyNoFix(target, catalog, migration, timeline, rename) is not null
            || timeline.ColumnBefore(rename) is not { Definition: { } oldColumn } oldState
            || RenameSyncSql.For(provider, rename.Schema, table, oldName, newName, timeline.TableBefore(rename) is { } before ? RenameExpandability.PrimaryKeyOf(before) ?? new string[0] : new string[0]) is not { } sync)
        {
            return null;
        }

        // SQL Server checks NOT NULL before its AFTER trigger can fill the old column for the new model's inserts.
        var relaxOldColumn = provider == DatabaseProvider.SqlServer && oldState.IsNullable != true;
        var edits = new Dictionary<StatementSyntax, StatementSyntax?>();
        StatementSyntax? addColumn;
        StatementSyntax? dropColumn;
        Func<string, StatementSyntax> sqlStatement;
        StatementSyntax? relax = null;
        StatementSyntax? restore = null;
        var copySql = $"UPDATE {SqlText.Table(rename.Schema, table, provider)} SET {SqlText.Name(newName, provider)} = {SqlText.Name(oldName, provider)} WHERE {SqlText.Name(newName, provider)} IS NULL";
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
            string Call(string method, IEnumerable<string> arguments)
                => $"{receiver}.{method}({lineBreak}{indent}" + string.Join("," + lineBreak + indent, arguments) + ");";

            var lines = new List<string> { "name: " + quotedNew, "table: " + quotedTable };
            if (schema is not null)
            {
                lines.Add(schema);
            }

            lines.AddRange(CopiedArguments.Where(name => oldColumn.GetArgument(name) is not null).Select(name => name + ": " + oldColumn.GetArgument(name)!.Syntax));
            lines.Add("nullable: true");
            addColumn = NewMigrationWriter.Statement(Call($"AddColumn<{clrType}>", lines), migration);
            dropColumn = NewMigrationWriter.Statement(
                $"{receiver}.DropColumn({lineBreak}{indent}name: {quotedNew},{lineBreak}{indent}table: {quotedTable}" + (schema is null ? string.Empty : "," + lineBreak + indent + schema) + ");",
                migration);
            sqlStatement = sql => NewMigrationWriter.Statement($"{receiver}.Sql({Quote(sql)});", migration);
            if (relaxOldColumn)
            {
                StatementSyntax AlterOld(bool nullable)
                {
                    var facts = CopiedArguments.Concat(KeptByAlter).Where(name => oldColumn.GetArgument(name) is not null).ToList();
                    var alter = new List<string> { "name: " + Quote(oldName), "table: " + quotedTable };
                    if (schema is not null)
                    {
                        alter.Add(schema);
                    }

                    alter.AddRange(facts.Select(name => name + ": " + oldColumn.GetArgument(name)!.Syntax));
                    alter.Add("nullable: " + (nullable ? "true" : "false"));
                    alter.Add($"oldClrType: typeof({clrType})");
                    alter.AddRange(facts.Select(name => "old" + char.ToUpperInvariant(name[0]) + name.Substring(1) + ": " + oldColumn.GetArgument(name)!.Syntax));
                    alter.Add("oldNullable: " + (nullable ? "false" : "true"));
                    return NewMigrationWriter.Statement(Call($"AlterColumn<{clrType}>", alter), migration);
                }

                relax = AlterOld(nullable: true);
                restore = AlterOld(nullable: false);
            }
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
            sqlStatement = sql => NewMigrationWriter.Statement($"Execute.Sql({Quote(sql)});", migration);
            if (relaxOldColumn)
            {
                var alter = $"Alter.Column({Quote(oldName)}).OnTable({quotedTable}){inSchema}.{typeAccess.Name}{typeInvocation.ArgumentList}";
                relax = NewMigrationWriter.Statement(alter + ".Nullable();", migration);
                restore = NewMigrationWriter.Statement(alter + ".NotNullable();", migration);
            }
        }

        edits[statement] = addColumn.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia());

        // Down renamed the column back: now it drops the new column, and the old one was never touched.
        if (migration.Down.IsDeclared)
        {
            var undo = migration.Down.Operations.FirstOrDefault(operation =>
                operation.Kind == MigrationOperationKind.RenameColumn && operation.Name == newName && operation.NewName == oldName
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

        if (NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Sync", migration.Name + "Copy" }, compilation) is not { Count: 2 } ids)
        {
            return null;
        }

        // The Sync migration: the triggers (on SQL Server after letting the old column take NULL). The Copy migration
        // after it copies the rows written before the triggers; any row written since has both columns already.
        var syncUp = new List<StatementSyntax>();
        if (relax is not null)
        {
            syncUp.Add(NewMigrationWriter.WithComment(
                relax,
                $"The new application version does not write {oldName}: it may be NULL until its trigger fills it.",
                migration));
        }

        syncUp.AddRange(sync.Create.Select((sql, index) => index == 0
            ? NewMigrationWriter.WithComment(
                sqlStatement(sql),
                $"Keeps {oldName} and {newName} in step while the old version (writes {oldName}) and the new one (writes {newName}) both run. Drop the trigger(s) and {oldName} in a later migration, once no running version uses {oldName}.",
                migration)
            : sqlStatement(sql)));

        var syncDown = new List<StatementSyntax>(sync.Drop.Select(sqlStatement));
        if (restore is not null)
        {
            syncDown.Add(restore);
        }

        // A migration of its own, not the end of Sync: in one transaction with the trigger DDL, the copy would hold
        // the DDL's table lock (PostgreSQL: SHARE ROW EXCLUSIVE, blocking every write) for as long as it runs, the
        // schema-and-data mix MIG1020 reports.
        var copyUp = new[] { NewMigrationWriter.WithComment(sqlStatement(copySql), $"Copies {oldName} into {newName} for the rows written before the trigger(s).", migration) };
        // Every new migration that can have a Down gets one, even where the original leaves it out (an EF Core
        // migration without Down, which MIG1001 already reports): the triggers are the new migration's own to drop.
        // AutoReversing and ForwardOnly FluentMigrator migrations seal Down, so theirs stay without.
        var hasDown = migration.Style == MigrationStyle.Explicit;
        return new NewMigrationsPlan(migration, edits, new[]
        {
            new NewMigration(ids[0], syncUp, hasDown ? syncDown : null),
            new NewMigration(
                ids[1],
                copyUp,
                hasDown ? new StatementSyntax[0] : null,
                $"Nothing to undo: the copied values stay in {newName}; {ids[0].ClassName}'s Down drops the trigger(s) and {migration.Name}'s Down drops {newName}."),
        });
    }

    private static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
