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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

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

        // Only MIG1140's fix passes a column with default SQL: the AddColumn loses it (a SET DEFAULT follows); an
        // AlterColumn of the column repeats it on both sides, which leaves the database's default as it is.
        ["defaultValueSql"] = "oldDefaultValueSql",
    };

    /// <summary>
    /// Plans the three steps for <paramref name="columnName"/> and for every other NOT NULL column the same migration
    /// adds that can take them: one backfill migration and one NOT NULL migration serve them all. Fixing the columns
    /// one at a time would not work, since the migrations added for the first sit where the second would need its own.
    /// </summary>
    public static NewMigrationsPlan? TryPlan(Compilation compilation, INamedTypeSymbol type, string columnName, DatabaseProvider provider)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up || up.Parent != main || !migration.Up.IsSelfContained
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit))
        {
            return null;
        }

        var columns = new List<(string Name, StatementSyntax Statement, Steps Steps, string? Schema, string Table)>();
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.AddColumn && operation.Name is { } name && operation.Column is { } column
                && NotNullColumn.IsAddedAsNotNull(operation, column) && !NotNullColumn.GetsValuesForExistingRows(column)
                && !SameMigration.CreatesTableBefore(migration.Up, operation)
                && operation is { Statement: { } statement, Table: { } table, Column: { } definition }
                && columns.All(planned => planned.Statement != statement && planned.Name != name)
                && (migration.Framework == MigrationFramework.EntityFrameworkCore
                    ? EfCoreSteps(migration, operation, statement, definition, table, provider, SqlText.ZeroOf(definition.ClrType, provider))
                    : FluentMigratorSteps(migration, operation, statement, definition, table, provider, SqlText.ZeroOf(definition.FluentType, provider), null)) is { } steps)
            {
                columns.Add((name, statement, steps, operation.Schema, table));
            }
        }

        if (!columns.Any(column => column.Name == columnName)
            || NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Backfill", migration.Name + "NotNull" }, compilation) is not { Count: 2 } ids)
        {
            return null;
        }

        // Both new migrations get a Down, even when the original has none: the NOT NULL step is a schema change whose
        // Down is known (MIG1001 would report it without one), and the backfill's Down says why it does nothing.
        var names = string.Join(", ", columns.Select(column => column.Name));
        return new NewMigrationsPlan(
            migration,
            columns.ToDictionary(column => column.Statement, column => (StatementSyntax?)column.Steps.NullableAdd),
            new[]
            {
                new NewMigration(
                    ids[0],
                    columns.Select(column => NewMigrationWriter.WithComment(
                        column.Steps.Backfill,
                        $"Rows that existed before {migration.Name} get this value; the application writes {column.Name} from now on.",
                        migration)).ToArray(),
                    new StatementSyntax[0],
                    $"Nothing to undo: the filled rows keep their value; {ids[1].ClassName}'s Down makes {names} nullable again and {migration.Name}'s Down drops {(columns.Count == 1 ? "it" : "them")}.",
                    BackfillTargetModel(compilation, migration, columns.Select(column => (column.Schema, column.Table, column.Name)).ToList(), ids[1].ClassName)),
                new NewMigration(
                    ids[1],
                    columns.Select(column => column.Steps.MakeNotNull).ToArray(),
                    columns.Select(column => column.Steps.MakeNullable).Reverse().ToArray()),
            });
    }

    /// <summary>
    /// EF Core: the model after the backfill, where the columns are still nullable. Rolling back the NOT NULL step on
    /// SQLite rebuilds the table from it; the original's model (NOT NULL) would keep the columns NOT NULL. Null (the
    /// original's model is reused) when the Designer does not map the columns in a way the rewrite can follow.
    /// </summary>
    private static OwnTargetModel? BackfillTargetModel(Compilation compilation, MigrationInfo migration, IReadOnlyCollection<(string? Schema, string Table, string Column)> columns, string notNullStep)
        => migration.Framework == MigrationFramework.EntityFrameworkCore && NullableTargetModel.TryWrite(compilation, migration, columns) is { } method
            ? new OwnTargetModel(method, $"The model after {migration.Name} with {string.Join(", ", columns.Select(column => column.Column))} still nullable: {notNullStep} makes {(columns.Count == 1 ? "it" : "them")} NOT NULL, and SQLite rebuilds the table from this model when {notNullStep} is rolled back.")
            : null;

    /// <summary>
    /// One EF Core column's steps, existing rows getting <paramref name="backfillValue"/> (SQL; null: no fix). A
    /// <c>defaultValueSql</c> argument leaves the <c>AddColumn</c> and is repeated on both sides of the <c>AlterColumn</c>s.
    /// </summary>
    internal static Steps? EfCoreSteps(
        MigrationInfo migration, MigrationOperation operation, StatementSyntax statement, ColumnDefinition column, string table, DatabaseProvider provider, string? backfillValue)
    {
        if (column.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } access } invocation
            || !operation.Annotations.IsEmpty
            || column.Arguments.Keys.Any(name => !CopiedArguments.ContainsKey(name))
            || column.ClrTypeSyntax is not { } clrType
            || backfillValue is not { } zero)
        {
            return null;
        }

        // Step 1: the same AddColumn, nullable.
        var nullableArgument = invocation.ArgumentList.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "nullable");
        if (column.GetArgument("nullable") is not null && nullableArgument is null)
        {
            // Passed by position: rare enough not to rewrite.
            return null;
        }

        var defaultArgument = invocation.ArgumentList.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "defaultValueSql");
        if (column.GetArgument("defaultValueSql") is not null && defaultArgument is null)
        {
            return null;
        }

        var arguments = nullableArgument is not null
            ? invocation.ArgumentList.Arguments.Replace(nullableArgument, nullableArgument.WithExpression(LiteralExpression(SyntaxKind.TrueLiteralExpression)))
            : invocation.ArgumentList.Arguments.Add(Argument(NameColon(IdentifierName("nullable")), default, LiteralExpression(SyntaxKind.TrueLiteralExpression)));
        if (defaultArgument is not null)
        {
            arguments = arguments.Remove(arguments.First(argument => argument.NameColon?.Name.Identifier.ValueText == "defaultValueSql"));
        }

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

        return new Steps(nullableAdd, backfill, AlterColumn(nullable: false), AlterColumn(nullable: true));
    }

    /// <summary>
    /// One FluentMigrator column's steps, existing rows getting <paramref name="backfillValue"/> (SQL; null: no fix).
    /// <paramref name="movedDefault"/>, a <c>WithDefault(…)</c> call of the column, leaves the chain (MIG1140's fix
    /// sets the default in SQL); <c>Alter.Column</c> without one leaves the database's default alone.
    /// </summary>
    internal static Steps? FluentMigratorSteps(
        MigrationInfo migration, MigrationOperation operation, StatementSyntax statement, ColumnDefinition column, string table, DatabaseProvider provider, string? backfillValue, InvocationExpressionSyntax? movedDefault)
    {
        // The last step is Alter.Column, which FluentMigrator's SQLite generator refuses (DatabaseOperationNotSupportedException):
        // on SQLite the fix would write a migration that cannot run. MIG1030's message says so.
        if (provider == DatabaseProvider.Sqlite)
        {
            return null;
        }

        var typeCall = column.FluentCalls.FirstOrDefault(call => call.Name == column.FluentType);
        if (typeCall?.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax typeAccess } typeInvocation
            || backfillValue is not { } zero)
        {
            return null;
        }

        // Step 1: the column in the same chain, nullable (FluentMigrator's default is NOT NULL), without the moved default.
        var replaced = new List<SyntaxNode>();
        var notNullable = column.FindCall("NotNullable")?.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax notNullableAccess } ? notNullableAccess.Name : null;
        if (notNullable is not null)
        {
            replaced.Add(notNullable);
        }
        else if (column.FindCall("Nullable") is null)
        {
            replaced.Add(typeInvocation);
        }

        if (movedDefault is not null)
        {
            replaced.Add(movedDefault);
        }

        var nullableAdd = statement.ReplaceNodes(replaced, (original, current) =>
        {
            if (original == notNullable)
            {
                return IdentifierName("Nullable").WithTriviaFrom(current);
            }

            if (original == movedDefault)
            {
                // The receiver without the call, ending as the call ended (its line break or none before the semicolon).
                var call = (InvocationExpressionSyntax)current;
                return ((MemberAccessExpressionSyntax)call.Expression).Expression.WithTrailingTrivia(call.GetTrailingTrivia());
            }

            return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)current, IdentifierName("Nullable")));
        });

        var name = SqlText.Name(column.Name!, provider);
        var sql = $"UPDATE {SqlText.Table(operation.Schema, table, provider)} SET {name} = {zero} WHERE {name} IS NULL";
        var backfill = NewMigrationWriter.Statement($"Execute.Sql({SymbolDisplay.FormatLiteral(sql, quote: true)});", migration);

        var schema = operation.Schema is { } s ? $".InSchema({SymbolDisplay.FormatLiteral(s, quote: true)})" : string.Empty;
        var typeText = typeAccess.Name + typeInvocation.ArgumentList.ToString();
        StatementSyntax AlterColumn(string nullability)
            => NewMigrationWriter.Statement(
                $"Alter.Column({SymbolDisplay.FormatLiteral(column.Name!, quote: true)}).OnTable({SymbolDisplay.FormatLiteral(table, quote: true)}){schema}.{typeText}.{nullability}();",
                migration);

        return new Steps(nullableAdd, backfill, AlterColumn("NotNullable"), AlterColumn("Nullable"));
    }

    /// <summary>One column's statements: its AddColumn made nullable, its backfill, and its AlterColumn both ways.</summary>
    internal sealed class Steps
    {
        public Steps(StatementSyntax nullableAdd, StatementSyntax backfill, StatementSyntax makeNotNull, StatementSyntax makeNullable)
        {
            NullableAdd = nullableAdd;
            Backfill = backfill;
            MakeNotNull = makeNotNull;
            MakeNullable = makeNullable;
        }

        public StatementSyntax NullableAdd { get; }

        public StatementSyntax Backfill { get; }

        public StatementSyntax MakeNotNull { get; }

        public StatementSyntax MakeNullable { get; }
    }
}
