using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1120's PostgreSQL recipe: the original migration adds each foreign key and check constraint <c>NOT VALID</c>
/// (raw SQL: neither EF Core nor FluentMigrator can say it), which takes its lock only for an instant; a following
/// migration runs <c>VALIDATE CONSTRAINT</c>, which scans the rows while writes go on. Its Down drops the constraint
/// and adds it back NOT VALID, the state the original left. The SQL repeats what the provider writes for the
/// operation (EF Core's Npgsql generator, FluentMigrator's Postgres generator) with NOT VALID before the semicolon.
/// One plan covers every such constraint of the migration, so one fix and Fix All write the same migrations.
/// </summary>
internal static class NotValidConstraint
{
    private static readonly HashSet<string> ForeignKeyArguments = new HashSet<string>
    {
        "name", "table", "schema", "column", "columns", "principalTable", "principalSchema", "principalColumn", "principalColumns", "onDelete", "onUpdate",
    };

    private static readonly HashSet<string> CheckArguments = new HashSet<string> { "name", "table", "schema", "sql" };

    /// <summary>EF Core <c>ReferentialAction</c> members and the SQL Npgsql writes for them (NoAction writes nothing).</summary>
    private static readonly Dictionary<string, string?> ReferentialActions = new Dictionary<string, string?>
    {
        ["NoAction"] = null,
        ["Restrict"] = "RESTRICT",
        ["Cascade"] = "CASCADE",
        ["SetNull"] = "SET NULL",
        ["SetDefault"] = "SET DEFAULT",
    };

    /// <summary>FluentMigrator <c>System.Data.Rule</c> members and the SQL its Postgres generator writes (None writes nothing).</summary>
    private static readonly Dictionary<string, string?> Rules = new Dictionary<string, string?>
    {
        ["None"] = null,
        ["Cascade"] = "CASCADE",
        ["SetNull"] = "SET NULL",
        ["SetDefault"] = "SET DEFAULT",
    };

    /// <summary>The constraints of the migration the recipe can rewrite, by name; the plan covers all of them.</summary>
    public static NewMigrationsPlan? TryPlan(Compilation compilation, INamedTypeSymbol type, string constraintName)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up || up.Parent != main || !migration.Up.IsSelfContained
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit))
        {
            return null;
        }

        var constraints = new List<(string Name, StatementSyntax Statement, string Receiver, string Table, string Add)>();
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind is MigrationOperationKind.AddForeignKey or MigrationOperationKind.AddCheckConstraint
                && operation is { Name: { } name, Table: { } table, Statement: ExpressionStatementSyntax { Expression: var expression } statement }
                && expression == operation.Syntax
                && operation.DatabaseConditions.IsEmpty
                && !SameMigration.CreatesTableBefore(migration.Up, operation)
                && constraints.All(planned => planned.Name != name && planned.Statement != statement)
                && AddSql(compilation, migration, operation, table) is { } add
                && PostgresConstraintSql.Receiver(migration, operation) is { } receiver)
            {
                constraints.Add((name, statement, receiver, SqlText.Table(operation.Schema, table, DatabaseProvider.PostgreSql), add));
            }
        }

        if (!constraints.Any(constraint => constraint.Name == constraintName)
            || NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Validate" }, compilation) is not { Count: 1 } ids)
        {
            return null;
        }

        var edits = new Dictionary<StatementSyntax, StatementSyntax?>();
        foreach (var constraint in constraints)
        {
            edits[constraint.Statement] = NewMigrationWriter.WithComment(
                PostgresConstraintSql.Statement(constraint.Receiver, PostgresConstraintSql.NotValid(constraint.Add), migration),
                $"NOT VALID: only new and changed rows are checked here; {ids[0].ClassName} checks the existing ones without blocking writes.",
                migration);
        }

        var validate = constraints
            .Select(constraint => PostgresConstraintSql.Statement(constraint.Receiver, PostgresConstraintSql.Validate(constraint.Table, constraint.Name), migration))
            .ToArray();

        // Down returns to the state the original leaves: the constraint there, not validated.
        var down = new List<StatementSyntax>();
        foreach (var constraint in Enumerable.Reverse(constraints))
        {
            down.Add(PostgresConstraintSql.Statement(constraint.Receiver, PostgresConstraintSql.Drop(constraint.Table, constraint.Name), migration));
            down.Add(PostgresConstraintSql.Statement(constraint.Receiver, PostgresConstraintSql.NotValid(constraint.Add), migration));
        }

        return new NewMigrationsPlan(migration, edits, new[] { new NewMigration(ids[0], validate, down) });
    }

    /// <summary>
    /// <c>ALTER TABLE … ADD CONSTRAINT …;</c> as the provider writes it for <paramref name="operation"/>; null when an
    /// argument is not a literal the recipe can read (then no fix is offered rather than a guess).
    /// </summary>
    private static string? AddSql(Compilation compilation, MigrationInfo migration, MigrationOperation operation, string table)
    {
        var quotedTable = SqlText.Table(operation.Schema, table, DatabaseProvider.PostgreSql);
        var name = SqlText.Name(operation.Name!, DatabaseProvider.PostgreSql);
        if (migration.Framework == MigrationFramework.EntityFrameworkCore)
        {
            if (!operation.Annotations.IsEmpty)
            {
                return null;
            }

            if (operation.Kind == MigrationOperationKind.AddCheckConstraint)
            {
                return operation.Arguments.Keys.All(CheckArguments.Contains) && operation.GetArgument("sql")?.StringValue is { Length: > 0 } check
                    ? $"ALTER TABLE {quotedTable} ADD CONSTRAINT {name} CHECK ({check});"
                    : null;
            }

            if (!operation.Arguments.Keys.All(ForeignKeyArguments.Contains)
                || operation.Columns.IsDefaultOrEmpty
                || operation.PrincipalTable is not { } principal
                || (operation.GetArgument("principalSchema") is { } principalSchemaArgument && !principalSchemaArgument.IsNull && principalSchemaArgument.StringValue is null)
                || (operation.GetArgument("schema") is { } schemaArgument && !schemaArgument.IsNull && schemaArgument.StringValue is null)
                || (operation.GetArgument("principalColumns") ?? operation.GetArgument("principalColumn")) is not { } principalColumnsArgument)
            {
                return null;
            }

            var model = compilation.GetSemanticModel(operation.Syntax.SyntaxTree);
            var principalColumns = ArgumentReader.StringList(model, principalColumnsArgument, default);
            if (principalColumns.Length != operation.Columns.Length
                || Action(operation.GetArgument("onUpdate"), ReferentialActions, "ReferentialAction") is not { } onUpdate
                || Action(operation.GetArgument("onDelete"), ReferentialActions, "ReferentialAction") is not { } onDelete)
            {
                return null;
            }

            return ForeignKey(quotedTable, name, operation.Columns, SqlText.Table(operation.GetArgument("principalSchema")?.StringValue, principal, DatabaseProvider.PostgreSql), principalColumns, onUpdate.Sql, onDelete.Sql);
        }

        // FluentMigrator: Create.ForeignKey(name).FromTable(t)[.InSchema(s)].ForeignColumn(s)(…).ToTable(p)[.InSchema(ps)].PrimaryColumn(s)(…)[.OnDelete(Rule.X)][.OnUpdate(Rule.X)]
        if (operation.Kind != MigrationOperationKind.AddForeignKey || operation.PrincipalTable is not { } target || operation.Columns.IsDefaultOrEmpty)
        {
            return null;
        }

        var calls = operation.FluentCalls;
        string? principalSchema = null;
        var principalColumnsFm = new List<string>();
        (string? Sql, bool Known)? update = (null, true);
        (string? Sql, bool Known)? delete = (null, true);
        var afterToTable = false;
        foreach (var call in calls)
        {
            switch (call.Name)
            {
                case "Create" or "ForeignKey" or "FromTable" or "ForeignColumn" or "ForeignColumns":
                    break;
                case "InSchema":
                    if (call.FirstString is not { } schema)
                    {
                        return null;
                    }

                    if (afterToTable)
                    {
                        principalSchema = schema;
                    }

                    break;
                case "ToTable":
                    afterToTable = true;
                    break;
                case "PrimaryColumn" or "PrimaryColumns":
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.StringValue is not { } column)
                        {
                            return null;
                        }

                        principalColumnsFm.Add(column);
                    }

                    break;
                case "OnDelete":
                    delete = Action(call.Arguments.FirstOrDefault(), Rules, "Rule");
                    break;
                case "OnUpdate":
                    update = Action(call.Arguments.FirstOrDefault(), Rules, "Rule");
                    break;
                case "OnDeleteOrUpdate":
                    delete = update = Action(call.Arguments.FirstOrDefault(), Rules, "Rule");
                    break;
                default:
                    return null;
            }
        }

        if (update is not { } fmUpdate || delete is not { } fmDelete || principalColumnsFm.Count != operation.Columns.Length)
        {
            return null;
        }

        return ForeignKey(quotedTable, name, operation.Columns, SqlText.Table(principalSchema, target, DatabaseProvider.PostgreSql), principalColumnsFm, fmUpdate.Sql, fmDelete.Sql);
    }

    private static string ForeignKey(string table, string name, IEnumerable<string> columns, string principal, IEnumerable<string> principalColumns, string? onUpdate, string? onDelete)
        => $"ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY ({string.Join(", ", columns.Select(c => SqlText.Name(c, DatabaseProvider.PostgreSql)))}) "
            + $"REFERENCES {principal} ({string.Join(", ", principalColumns.Select(c => SqlText.Name(c, DatabaseProvider.PostgreSql)))})"
            + (onUpdate is null ? string.Empty : " ON UPDATE " + onUpdate)
            + (onDelete is null ? string.Empty : " ON DELETE " + onDelete)
            + ";";

    /// <summary>The SQL of a referential action written as <c>Enum.Member</c>; absent means none; anything else is not read.</summary>
    private static (string? Sql, bool Known)? Action(OperationArgument? argument, Dictionary<string, string?> actions, string enumName)
    {
        if (argument is null)
        {
            return (null, true);
        }

        return argument.Syntax is MemberAccessExpressionSyntax { Expression: var owner, Name.Identifier.ValueText: var member }
            && owner.ToString().EndsWith(enumName, System.StringComparison.Ordinal)
            && actions.TryGetValue(member, out var sql)
                ? (sql, true)
                : null;
    }
}
