using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Settings;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1030's three-step fix for a NOT NULL column added to a table with rows: the original migration adds it as
/// nullable, a second migration backfills the rows that have no value, a third makes it NOT NULL. Each step can be
/// deployed on its own: the application starts writing the column between the first and the last.
/// </summary>
internal static class NotNullInThreeSteps
{
    /// <summary>AddColumn arguments that the AlterColumn of the third step repeats, with their old-side names.</summary>
    private static readonly Dictionary<string, string?> CopiedArguments = new Dictionary<string, string?>
    {
        ["name"] = null,
        ["table"] = null,
        ["schema"] = null,
        ["type"] = "oldType",
        ["unicode"] = "oldUnicode",
        ["maxLength"] = "oldMaxLength",
        ["fixedLength"] = "oldFixedLength",
        ["precision"] = "oldPrecision",
        ["scale"] = "oldScale",
        ["comment"] = "oldComment",
        ["collation"] = "oldCollation",
        ["nullable"] = null,
    };

    public static NewMigrationsPlan? TryPlan(Compilation compilation, INamedTypeSymbol type, string columnName, DatabaseProvider provider)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up || up.Parent != main
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit))
        {
            return null;
        }

        var operation = migration.Up.Operations.FirstOrDefault(candidate =>
            candidate.Kind == OperationKind.AddColumn && candidate.Name == columnName && candidate.Column is { } column
            && NotNullColumn.IsAddedAsNotNull(candidate, column) && !NotNullColumn.GetsValuesForExistingRows(column)
            && !SameMigration.CreatesTableBefore(migration.Up, candidate));
        if (operation is not { Statement: { } statement, Table: { } table, Column: { } definition })
        {
            return null;
        }

        var steps = migration.Framework == MigrationFramework.EntityFrameworkCore
            ? EfCoreSteps(migration, operation, statement, definition, table, provider)
            : FluentMigratorSteps(migration, operation, statement, definition, table, provider);
        if (steps is not { } found
            || NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Backfill", migration.Name + "NotNull" }, compilation) is not { Count: 2 } ids)
        {
            return null;
        }

        var (nullableAdd, backfill, makeNotNull, makeNullable) = found;
        var comment = $"Rows that existed before {migration.Name} get this value; the application writes {columnName} from now on.";
        var hasDown = migration.Down.IsDeclared;
        return new NewMigrationsPlan(
            migration,
            new Dictionary<StatementSyntax, StatementSyntax?> { [statement] = nullableAdd },
            new[]
            {
                new NewMigration(ids[0], new[] { NewMigrationWriter.WithComment(backfill, comment, migration) }, hasDown ? new StatementSyntax[0] : null),
                new NewMigration(ids[1], new[] { makeNotNull }, hasDown ? new[] { makeNullable } : null),
            });
    }

    private static (StatementSyntax NullableAdd, StatementSyntax Backfill, StatementSyntax MakeNotNull, StatementSyntax MakeNullable)? EfCoreSteps(
        MigrationInfo migration, MigrationOperation operation, StatementSyntax statement, ColumnDefinition column, string table, DatabaseProvider provider)
    {
        if (column.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } access } invocation
            || !operation.Annotations.IsEmpty
            || column.Arguments.Keys.Any(name => !CopiedArguments.ContainsKey(name))
            || column.ClrTypeSyntax is not { } clrType
            || SqlText.ZeroOf(column.ClrType, provider) is not { } zero)
        {
            return null;
        }

        // Step 1: the same AddColumn, nullable.
        var nullableArgument = invocation.ArgumentList.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "nullable");
        var positionalNullable = column.GetArgument("nullable") is { } known && nullableArgument is null;
        if (positionalNullable)
        {
            return null;
        }

        var arguments = nullableArgument is not null
            ? invocation.ArgumentList.Arguments.Replace(nullableArgument, nullableArgument.WithExpression(LiteralExpression(SyntaxKind.TrueLiteralExpression)))
            : invocation.ArgumentList.Arguments.Add(Argument(NameColon(IdentifierName("nullable")), default, LiteralExpression(SyntaxKind.TrueLiteralExpression)));
        var nullableAdd = statement.ReplaceNode(invocation, invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments)));

        // Step 2: fill the rows that have no value.
        var receiver = access.Expression.ToString();
        var name = SqlText.Name(column.Name!, provider);
        var sql = $"UPDATE {SqlText.Table(operation.Schema, table, provider)} SET {name} = {zero} WHERE {name} IS NULL";
        var backfill = NewMigrationWriter.Statement($"{receiver}.Sql({SymbolDisplay.FormatLiteral(sql, quote: true)});", migration);

        // Step 3: AlterColumn to NOT NULL, repeating the column's facts on both sides as EF Core writes them.
        StatementSyntax AlterColumn(bool nullable)
        {
            var indent = NewMigrationWriter.StatementIndentation(migration) + "    ";
            var lines = new List<string>();
            var old = new List<string>();
            foreach (var entry in CopiedArguments)
            {
                if (entry.Key == "nullable" || column.GetArgument(entry.Key) is not { } argument)
                {
                    continue;
                }

                lines.Add($"{entry.Key}: {argument.Syntax}");
                if (entry.Value is { } oldName)
                {
                    old.Add($"{oldName}: {argument.Syntax}");
                }
            }

            lines.Add("nullable: " + (nullable ? "true" : "false"));
            lines.Add($"oldClrType: typeof({clrType})");
            lines.AddRange(old);
            lines.Add("oldNullable: " + (nullable ? "false" : "true"));
            var lineBreak = NewMigrationWriter.LineBreak(migration);
            var code = $"{receiver}.AlterColumn<{generic.TypeArgumentList.Arguments[0]}>({lineBreak}{indent}" + string.Join("," + lineBreak + indent, lines) + ");";
            return NewMigrationWriter.Statement(code, migration);
        }

        return (nullableAdd, backfill, AlterColumn(nullable: false), AlterColumn(nullable: true));
    }

    private static (StatementSyntax NullableAdd, StatementSyntax Backfill, StatementSyntax MakeNotNull, StatementSyntax MakeNullable)? FluentMigratorSteps(
        MigrationInfo migration, MigrationOperation operation, StatementSyntax statement, ColumnDefinition column, string table, DatabaseProvider provider)
    {
        var typeCall = column.FluentCalls.FirstOrDefault(call => call.Name == column.FluentType);
        if (typeCall?.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax typeAccess } typeInvocation
            || SqlText.ZeroOf(column.FluentType, provider) is not { } zero)
        {
            return null;
        }

        // Step 1: the column in the same chain, nullable (FluentMigrator's default is NOT NULL).
        StatementSyntax nullableAdd;
        if (column.FindCall("NotNullable")?.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax notNullable })
        {
            nullableAdd = statement.ReplaceNode(notNullable.Name, IdentifierName("Nullable").WithTriviaFrom(notNullable.Name));
        }
        else
        {
            nullableAdd = statement.ReplaceNode(typeInvocation, InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, typeInvocation, IdentifierName("Nullable"))));
        }

        var name = SqlText.Name(column.Name!, provider);
        var sql = $"UPDATE {SqlText.Table(operation.Schema, table, provider)} SET {name} = {zero} WHERE {name} IS NULL";
        var backfill = NewMigrationWriter.Statement($"Execute.Sql({SymbolDisplay.FormatLiteral(sql, quote: true)});", migration);

        var schema = operation.Schema is { } s ? $".InSchema({SymbolDisplay.FormatLiteral(s, quote: true)})" : string.Empty;
        var typeText = typeAccess.Name + typeInvocation.ArgumentList.ToString();
        StatementSyntax AlterColumn(string nullability)
            => NewMigrationWriter.Statement(
                $"Alter.Column({SymbolDisplay.FormatLiteral(column.Name!, quote: true)}).OnTable({SymbolDisplay.FormatLiteral(table, quote: true)}){schema}.{typeText}.{nullability}();",
                migration);

        return (nullableAdd, backfill, AlterColumn("NotNullable"), AlterColumn("Nullable"));
    }
}
