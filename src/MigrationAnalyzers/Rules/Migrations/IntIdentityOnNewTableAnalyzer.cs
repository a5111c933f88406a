using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1190 (opt-in): a table created in Up whose identity, serial or auto-increment column is a 32-bit int, on PostgreSQL,
/// SQL Server or MySQL (SQLite's INTEGER PRIMARY KEY is 64-bit already, and an unknown target says nothing). A plain int
/// primary key that numbers nothing itself (a key copied from elsewhere) is silent: only a generated counter runs out.
/// The fix property is set, with the columns to widen as additional locations, when <see cref="BigintWidening"/> finds
/// a plan; otherwise the message says why not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IntIdentityOnNewTableAnalyzer : MigrationRuleAnalyzer
{
    public const string FixProperty = "fix";

    public const string FixValue = "bigint";

    /// <summary>Members of the providers' value-generation enums that make the column number itself.</summary>
    private static readonly HashSet<string> IdentityStrategies = new HashSet<string>(StringComparer.Ordinal)
    {
        "IdentityByDefaultColumn", "IdentityAlwaysColumn", "SerialColumn", "IdentityColumn",
    };

    public IntIdentityOnNewTableAnalyzer()
        : base(MIG1190_IntIdentityOnNewTable)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var up = context.Migration.Up;
        foreach (var operation in up.Operations)
        {
            if (operation.Kind != MigrationOperationKind.CreateTable
                || operation.Table is not { } table
                || TargetDatabasePolicy.ForOperation(context.Database, operation) is not { } database
                || database.Provider is not (DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer or DatabaseProvider.MySql))
            {
                continue;
            }

            foreach (var column in operation.ColumnDefinitions)
            {
                if (BigintWidening.IsInt(column) is not true || Identity(column, database.Provider) is not { } kind)
                {
                    continue;
                }

                var plan = BigintWidening.Plan(up, operation, column);
                var advice = plan.Reason is null
                    ? "make it bigint now, while the table is empty (and the entity's key long)"
                    : "no fix is offered, because " + plan.Reason + "; make it and the columns that refer to it bigint";
                var properties = plan.Reason is null ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixValue) : null;
                var additional = plan.Columns.Count > 1 ? plan.Columns.Skip1() : null;
                context.Report(
                    MIG1190_IntIdentityOnNewTable,
                    BigintWidening.LocationOf(column),
                    additional,
                    properties,
                    TableName.Display(operation.Schema, table),
                    column.Name ?? "?",
                    kind,
                    advice);
            }
        }
    }

    /// <summary>What makes the int column number itself, or null when nothing does.</summary>
    private static string? Identity(ColumnDefinition column, DatabaseProvider database)
    {
        if (column.FluentType is not null)
        {
            if (StoreTypeArgument.Of(column)?.StringValue is { } custom && StoreTypeArgument.Normalized(custom) is "serial" or "serial4")
            {
                return "a serial (32-bit)";
            }

            return column.FindCall("Identity") is not null ? (database == DatabaseProvider.MySql ? "an int AUTO_INCREMENT" : "an int identity") : null;
        }

        if (column.GetArgument("type")?.StringValue is { } storeType && StoreTypeArgument.Normalized(storeType) is "serial" or "serial4")
        {
            return "a serial (32-bit)";
        }

        // table.Column<int>(…).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
        var expression = column.Syntax as ExpressionSyntax;
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            if (access.Name.Identifier.ValueText == "Annotation"
                && invocation.ArgumentList.Arguments.Count == 2
                && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax name
                && name.IsKind(SyntaxKind.StringLiteralExpression))
            {
                var key = name.Token.ValueText;
                var value = invocation.ArgumentList.Arguments[1].Expression;
                if (key == "SqlServer:Identity")
                {
                    return "an int identity";
                }

                if (key.EndsWith(":ValueGenerationStrategy", StringComparison.Ordinal)
                    && value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member }
                    && IdentityStrategies.Contains(member))
                {
                    return member == "SerialColumn" ? "a serial (32-bit)"
                        : key.StartsWith("MySql:", StringComparison.Ordinal) ? "an int AUTO_INCREMENT"
                        : "an int identity";
                }
            }

            expression = access.Expression;
        }

        return null;
    }
}

internal static class LocationLists
{
    public static IEnumerable<Location> Skip1(this IReadOnlyList<Location> locations)
    {
        for (var index = 1; index < locations.Count; index++)
        {
            yield return locations[index];
        }
    }
}
