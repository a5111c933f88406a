using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1140 (PostgreSQL): a column added to an existing table whose value has to be computed for every row, which
/// rewrites the table: a volatile default (<c>gen_random_uuid()</c>, <c>clock_timestamp()</c> …), a stored generated
/// column, or — when the database version (<c>migration_analyzers.database_version</c>, <c>SetPostgresVersion</c> in code)
/// is below 11 — any default at all.
/// PostgreSQL 11+ stores a constant or stable default (<c>0</c>, <c>now()</c>) without touching the rows: silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DefaultRewritesTableAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Volatile functions commonly used as defaults (pg_proc.provolatile = 'v').</summary>
    private static readonly HashSet<string> VolatileFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
        "clock_timestamp", "timeofday", "nextval", "setseed", "txid_current", "pg_current_xact_id",
    };

    /// <summary>FluentMigrator system methods that Postgres generators turn into volatile functions.</summary>
    private static readonly HashSet<string> VolatileSystemMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "NewGuid", "NewSequentialId",
    };

    /// <summary>
    /// Diagnostic property: the name of the column, set when a default (not a stored computed value) rewrites the
    /// table, which is what the fix can move out of the <c>AddColumn</c>.
    /// </summary>
    public const string ColumnProperty = "column";

    public DefaultRewritesTableAnalyzer()
        : base(MIG1140_DefaultRewritesTable)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        // The rewrite holds a lock others wait for: nothing waits in a single-instance deployment.
        var migration = context.Migration;
        var target = context.Database;
        if (!context.IsRollingDeployment)
        {
            return;
        }

        // The PostgreSQL 11 fact of the provider-behaviour table: a known older server writes every default into the rows.
        var before11 = Before11(target.Version);
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind != MigrationOperationKind.AddColumn
                || operation.Column is not { } column
                || operation.Table is not { } table
                || TargetDatabasePolicy.ForOperation(target, operation) is not { } database
                || !database.Is(DatabaseProvider.PostgreSql)
                || SameMigration.CreatesTableBefore(migration.Up, operation)
                || Reason(column, before11, target.Version) is not { } reason)
            {
                continue;
            }

            // The column's name lets a fix find the operation again; a stored computed value has no fix (rules/MIG1140.md says why).
            var properties = column.Name is { } name && !IsStoredComputed(column)
                ? System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(ColumnProperty, name)
                : null;
            context.Report(MIG1140_DefaultRewritesTable, operation.Location, properties, TableName.Display(operation.Schema, table), column.Name ?? "?", reason);
        }
    }

    /// <summary>A known server version below PostgreSQL 11, which writes every default into the rows.</summary>
    internal static bool Before11(Version? version)
        => version is not null && !ProviderBehaviour.PostgreSql.AddsConstantDefaultInPlace(version);

    /// <summary>
    /// The column's default (not a stored computed value) rewrites the table: what the fix moves out of the
    /// <c>AddColumn</c> into a <c>SET DEFAULT</c> and a backfill. Same decision as the rule's, so the fix covers what it reports.
    /// </summary>
    internal static bool DefaultRewrites(ColumnDefinition column, Version? version)
        => !IsStoredComputed(column) && Reason(column, Before11(version), version) is not null;

    private static bool IsStoredComputed(ColumnDefinition column)
        => column.GetArgument("computedColumnSql") is { IsNull: false } && column.GetArgument("stored")?.BoolValue == true;

    private static string? Reason(ColumnDefinition column, bool before11, Version? version)
    {
        if (IsStoredComputed(column) && column.GetArgument("computedColumnSql") is { } computed)
        {
            return "a stored computed value (" + (computed.StringValue ?? computed.Syntax.ToString()) + ")";
        }

        if (column.GetArgument("defaultValueSql") is { StringValue: { } sql } && VolatileFunction(sql) is { } function)
        {
            return "the volatile default " + function + "()";
        }

        if (column.FindCall("WithDefault") is { Arguments.Length: > 0 } withDefault
            && withDefault.Arguments[0].Syntax is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method }
            && VolatileSystemMethods.Contains(method))
        {
            return "the volatile default SystemMethods." + method;
        }

        if (before11 && column.HasDefault)
        {
            return "a default, which before PostgreSQL 11 (the database version is " + version + ") is written into every row";
        }

        return null;
    }

    private static string? VolatileFunction(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        for (var index = 0; index + 1 < tokens.Length; index++)
        {
            if (tokens[index].Kind == SqlTokenKind.Word && tokens[index + 1].IsSymbol('(') && VolatileFunctions.Contains(tokens[index].Text))
            {
                return tokens[index].Text;
            }
        }

        return null;
    }
}
