using System;
using System.Collections.Generic;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reversal;

/// <summary>
/// Which FluentMigrator expressions an <c>AutoReversingMigration</c> can reverse, taken from what FluentMigrator 8
/// really does: <c>MigrationExpressionBase.Reverse()</c> throws <c>NotSupportedException</c> unless the expression
/// overrides it. A test constructs every expression type of FluentMigrator and checks this table against its Reverse().
/// </summary>
public static class FluentMigratorReversibility
{
    /// <summary>Every concrete expression type of FluentMigrator 8 (by simple name) and whether its Reverse() works.</summary>
    public static readonly IReadOnlyDictionary<string, bool> ExpressionReverses = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["CreateTableExpression"] = true,
        ["CreateColumnExpression"] = true,
        ["CreateIndexExpression"] = true,
        ["CreateForeignKeyExpression"] = true,
        ["CreateConstraintExpression"] = true,
        ["CreateSchemaExpression"] = true,
        ["AlterTableExpression"] = true,
        ["RenameTableExpression"] = true,
        ["RenameColumnExpression"] = true,
        ["InsertDataExpression"] = true,

        // Reverse() "works" but re-inserts only the values named in Delete.FromTable(…).Row(…), and nothing for AllRows().
        ["DeleteDataExpression"] = true,

        ["CreateSequenceExpression"] = false,
        ["AlterColumnExpression"] = false,
        ["AlterDefaultConstraintExpression"] = false,
        ["AlterSchemaExpression"] = false,
        ["DeleteTableExpression"] = false,
        ["DeleteColumnExpression"] = false,
        ["DeleteIndexExpression"] = false,
        ["DeleteForeignKeyExpression"] = false,
        ["DeleteConstraintExpression"] = false,
        ["DeleteSchemaExpression"] = false,
        ["DeleteSequenceExpression"] = false,
        ["DeleteDefaultConstraintExpression"] = false,
        ["ExecuteSqlStatementExpression"] = false,
        ["ExecuteSqlScriptExpression"] = false,
        ["ExecuteEmbeddedSqlScriptExpression"] = false,
        ["PerformDBOperationExpression"] = false,
        ["UpdateDataExpression"] = false,
    };

    /// <summary>The fluent call that starts an expression (<c>Create.Table</c>) and the expression FluentMigrator builds for it.</summary>
    private static readonly Dictionary<string, string> ExpressionOfCall = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Create.Table"] = "CreateTableExpression",
        ["Create.Column"] = "CreateColumnExpression",
        ["Create.Index"] = "CreateIndexExpression",
        ["Create.ForeignKey"] = "CreateForeignKeyExpression",
        ["Create.PrimaryKey"] = "CreateConstraintExpression",
        ["Create.UniqueConstraint"] = "CreateConstraintExpression",
        ["Create.Schema"] = "CreateSchemaExpression",
        ["Create.Sequence"] = "CreateSequenceExpression",
        ["Alter.Column"] = "AlterColumnExpression",
        ["Rename.Table"] = "RenameTableExpression",
        ["Rename.Column"] = "RenameColumnExpression",
        ["Insert.IntoTable"] = "InsertDataExpression",
        ["Update.Table"] = "UpdateDataExpression",
        ["Delete.Table"] = "DeleteTableExpression",
        ["Delete.Column"] = "DeleteColumnExpression",
        ["Delete.Index"] = "DeleteIndexExpression",
        ["Delete.ForeignKey"] = "DeleteForeignKeyExpression",
        ["Delete.PrimaryKey"] = "DeleteConstraintExpression",
        ["Delete.UniqueConstraint"] = "DeleteConstraintExpression",
        ["Delete.Schema"] = "DeleteSchemaExpression",
        ["Delete.Sequence"] = "DeleteSequenceExpression",
        ["Delete.DefaultConstraint"] = "DeleteDefaultConstraintExpression",
        ["Delete.FromTable"] = "DeleteDataExpression",
        ["Execute.Sql"] = "ExecuteSqlStatementExpression",
        ["Execute.Script"] = "ExecuteSqlScriptExpression",
        ["Execute.EmbeddedScript"] = "ExecuteEmbeddedSqlScriptExpression",
        ["Execute.WithConnection"] = "PerformDBOperationExpression",
    };

    /// <summary>The expression FluentMigrator builds for this operation; null when the call is not one it knows.</summary>
    public static string? ExpressionOf(MigrationOperation operation)
    {
        if (operation.Framework != MigrationFramework.FluentMigrator)
        {
            return null;
        }

        // Alter.Table("t").AddColumn(…) adds a column, .AlterColumn(…) alters one: two different expressions.
        if (operation.MethodName == "Alter.Table")
        {
            return operation.Kind switch
            {
                MigrationOperationKind.AddColumn => "CreateColumnExpression",
                MigrationOperationKind.AlterColumn => "AlterColumnExpression",
                _ => "AlterTableExpression",
            };
        }

        return ExpressionOfCall.TryGetValue(operation.MethodName, out var expression) ? expression : null;
    }

    /// <summary>True when FluentMigrator's Reverse() of the operation's expression throws.</summary>
    public static bool CannotReverse(MigrationOperation operation)
        => ExpressionOf(operation) is { } expression && ExpressionReverses.TryGetValue(expression, out var reverses) && !reverses;
}
