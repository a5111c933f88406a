using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// The PostgreSQL constraint statements of the NOT VALID recipes (MIG1120's constraints, MIG1050's NOT NULL check),
/// written as raw SQL in the migration: neither EF Core nor FluentMigrator can say NOT VALID or VALIDATE CONSTRAINT.
/// </summary>
internal static class PostgresConstraintSql
{
    /// <summary><paramref name="add"/> (<c>ALTER TABLE … ADD CONSTRAINT …;</c>) with NOT VALID before the semicolon.</summary>
    public static string NotValid(string add) => add.Substring(0, add.Length - 1) + " NOT VALID;";

    /// <summary><c>ALTER TABLE t VALIDATE CONSTRAINT c;</c>, <paramref name="table"/> already quoted.</summary>
    public static string Validate(string table, string constraint)
        => $"ALTER TABLE {table} VALIDATE CONSTRAINT {SqlText.Name(constraint, DatabaseProvider.PostgreSql)};";

    /// <summary><c>ALTER TABLE t DROP CONSTRAINT c;</c>, <paramref name="table"/> already quoted.</summary>
    public static string Drop(string table, string constraint)
        => $"ALTER TABLE {table} DROP CONSTRAINT {SqlText.Name(constraint, DatabaseProvider.PostgreSql)};";

    /// <summary>What the migration calls operations on: <c>migrationBuilder</c> in EF Core; FluentMigrator needs none.</summary>
    public static string? Receiver(MigrationInfo migration, MigrationOperation operation)
        => migration.Framework == MigrationFramework.FluentMigrator
            ? "Execute"
            : operation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } ? receiver.ToString() : null;

    /// <summary>The statement that runs <paramref name="sql"/>: <c>migrationBuilder.Sql(…)</c> or FluentMigrator's <c>Execute.Sql(…)</c>.</summary>
    public static StatementSyntax Statement(string receiver, string sql, MigrationInfo migration)
        => NewMigrationWriter.Statement(
            $"{receiver}.Sql({SymbolDisplay.FormatLiteral(sql, quote: true)});",
            migration);
}
