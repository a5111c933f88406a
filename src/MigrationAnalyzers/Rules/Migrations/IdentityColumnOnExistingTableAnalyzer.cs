using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1160: an identity, serial or auto-increment column added to a table that already exists. Every existing row
/// needs its own number, so the database writes one into each row while the table is locked: PostgreSQL rewrites
/// the table under ACCESS EXCLUSIVE, SQL Server fills the column under a schema-modification lock, MySQL rebuilds the
/// table without letting writes through. SQLite is embedded (nothing else writes) and is silent, as are tables the
/// migration creates itself and every single-instance deployment.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdentityColumnOnExistingTableAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>PostgreSQL pseudo-types that create a sequence and a <c>nextval()</c> default.</summary>
    private static readonly HashSet<string> SerialTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2",
    };

    /// <summary>Members of the providers' value-generation enums that make the column an identity or serial.</summary>
    private static readonly HashSet<string> IdentityStrategies = new HashSet<string>(StringComparer.Ordinal)
    {
        "IdentityByDefaultColumn", "IdentityAlwaysColumn", "SerialColumn", "IdentityColumn",
    };

    public IdentityColumnOnExistingTableAnalyzer()
        : base(MIG1160_IdentityColumnOnExistingTable)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        // The rewrite holds a lock others wait for: nothing waits in a single-instance deployment.
        if (!context.IsRollingDeployment)
        {
            return;
        }

        var migration = context.Migration;
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind != MigrationOperationKind.AddColumn
                || operation.Column is not { } column
                || operation.Table is not { } table
                || SameMigration.CreatesTableBefore(migration.Up, operation)
                || IdentityKind(operation, column) is not { } kind
                || TargetDatabasePolicy.ForOperation(context.Database, operation) is not { } database
                || Consequence(database.Provider) is not { } consequence)
            {
                continue;
            }

            context.Report(MIG1160_IdentityColumnOnExistingTable, operation.Location, TableName.Display(operation.Schema, table), column.Name ?? "?", kind, consequence);
        }
    }

    private static string? Consequence(DatabaseProvider database)
        => database switch
        {
            DatabaseProvider.PostgreSql => "PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock",
            DatabaseProvider.SqlServer => "SQL Server writes a value into every row while a schema-modification lock blocks reads and writes",
            DatabaseProvider.MySql => "MySQL rebuilds the table and blocks writes until it is done",
            _ => null,
        };

    /// <summary>What makes the added column number itself, or null when nothing does.</summary>
    private static string? IdentityKind(MigrationOperation operation, ColumnDefinition column)
    {
        if (column.FindCall("Identity") is not null)
        {
            return "an identity";
        }

        if (column.GetArgument("type")?.StringValue is { } storeType && SerialTypes.Contains(storeType.Trim()))
        {
            return "the type " + storeType.Trim();
        }

        foreach (var annotation in operation.Annotations)
        {
            if (annotation.Key == "SqlServer:Identity")
            {
                return "an identity";
            }

            if (annotation.Key.EndsWith(":ValueGenerationStrategy", StringComparison.Ordinal)
                && annotation.Value.Syntax is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member }
                && IdentityStrategies.Contains(member))
            {
                return member == "SerialColumn" ? "a serial" : member == "IdentityColumn" && annotation.Key.StartsWith("MySql:", StringComparison.Ordinal) ? "AUTO_INCREMENT" : "an identity";
            }
        }

        return null;
    }
}
