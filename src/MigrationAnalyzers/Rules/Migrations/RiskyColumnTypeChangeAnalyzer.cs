using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1050: an <c>AlterColumn</c> that narrows a column or rewrites the table, judged for the target database
/// (<see cref="TargetDatabase"/>) against its list of in-place changes (<see cref="TypeChangeSafety"/>).
/// EF Core states the old column in the call (<c>oldType</c>, <c>oldMaxLength</c>, <c>oldNullable</c> …);
/// for FluentMigrator the old column comes from the history (<see cref="ColumnHistory"/>), and without one the rule is silent.
/// Making a column NOT NULL without a backfill is MIG1030's; here it is reported when the rows were backfilled
/// but the constraint still scans the table under a lock.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RiskyColumnTypeChangeAnalyzer : MigrationRuleAnalyzer
{
    public RiskyColumnTypeChangeAnalyzer()
        : base(MIG1050_RiskyColumnTypeChange)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        var catalog = context.Catalog;
        TargetDatabase? database = null;
        var up = migration.Up;
        foreach (var operation in up.Operations)
        {
            if (operation.Kind != OperationKind.AlterColumn
                || operation.Table is not { } table
                || operation.Name is not { } name
                || operation.Column is not { } column
                || SameMigration.AddsColumnBefore(up, operation))
            {
                continue;
            }

            database ??= TargetDatabase.Resolve(context.Compilation, context.Options, operation.Syntax.SyntaxTree);
            var reason = TypeReason(catalog, migration, operation, column, database);
            var notNull = NotNullReason(catalog, migration, operation, column, database, up);
            var message = reason is null ? notNull : notNull is null ? reason : reason + "; " + notNull;
            if (message is not null)
            {
                context.Report(MIG1050_RiskyColumnTypeChange, operation.Location, TableName.Display(operation.Schema, table), name, message);
            }
        }
    }

    private static string? TypeReason(MigrationCatalog catalog, MigrationInfo migration, MigrationOperation operation, ColumnDefinition column, TargetDatabase database)
    {
        if (ColumnType.Of(column) is not { } newType)
        {
            return null;
        }

        var oldType = operation.Framework == MigrationFramework.EntityFrameworkCore ? ColumnType.OldOf(column) : null;
        if (oldType is null && ColumnHistory.PreviousDefinition(catalog, migration, operation) is { } previous)
        {
            oldType = ColumnType.Of(previous);
        }

        if (oldType is null || IsResizedDiscriminator(migration, operation, oldType, newType))
        {
            return null;
        }

        return TypeChangeSafety.Check(oldType, newType, database);
    }

    /// <summary>
    /// EF Core sizes a string discriminator column to its longest discriminator value, so a new maxLength follows the
    /// values the application writes and cannot cut one off. Recognised by EF Core's default name <c>Discriminator</c>
    /// or a <c>HasDiscriminator("Column")</c> mapping in the Designer's target model.
    /// </summary>
    private static bool IsResizedDiscriminator(MigrationInfo migration, MigrationOperation operation, ColumnType oldType, ColumnType newType)
    {
        if (oldType.Family != TypeFamily.Text || newType.Family != TypeFamily.Text || operation.Name is not { } name)
        {
            return false;
        }

        if (string.Equals(name, "Discriminator", System.StringComparison.Ordinal))
        {
            return true;
        }

        if (migration.TargetModelDeclaration is not { } targetModel)
        {
            return false;
        }

        foreach (var invocation in targetModel.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var called = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            if (called == "HasDiscriminator"
                && invocation.ArgumentList.Arguments.Count > 0
                && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
                && string.Equals(literal.Token.ValueText, name, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? NotNullReason(MigrationCatalog catalog, MigrationInfo migration, MigrationOperation operation, ColumnDefinition column, TargetDatabase database, MigrationBody up)
    {
        // Without a backfill MIG1030 reports it: the change fails outright, the lock is the smaller problem.
        if (database.Is(DatabaseProvider.Sqlite)
            || !NotNullColumn.BecomesNotNull(catalog, migration, operation, column)
            || !Backfill.Before(up, operation))
        {
            return null;
        }

        return database.Provider switch
        {
            DatabaseProvider.PostgreSql when database.IsAtLeast(12) =>
                "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (\"" + operation.Name + "\" IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate migration, then SET NOT NULL (which uses the check instead of scanning) and drop the check",
            DatabaseProvider.PostgreSql =>
                "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and before PostgreSQL 12 it cannot use a validated CHECK; keep a CHECK (\"" + operation.Name + "\" IS NOT NULL) constraint added NOT VALID and validated separately instead",
            _ => "making it NOT NULL scans the whole table while holding a lock that blocks writes",
        };
    }
}
