using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// What MIG1120 and MIG1130 share: both look at constraints added in Up to tables that already exist, on PostgreSQL,
/// whether through EF Core / FluentMigrator operations or <c>ALTER TABLE … ADD</c> in raw SQL.
/// </summary>
internal static class PostgresConstraintChecks
{
    /// <summary>One constraint added to an existing table, with the operation that adds it.</summary>
    public readonly struct Found
    {
        public Found(MigrationOperation operation, string kind, string name, string table)
        {
            Operation = operation;
            Kind = kind;
            Name = name;
            Table = table;
        }

        public MigrationOperation Operation { get; }

        public string Kind { get; }

        public string Name { get; }

        public string Table { get; }
    }

    public static bool AppliesTo(MigrationInfo migration, DatabaseProviders providers, AnalyzerOptions options)
        => providers.For(migration, options).PostgreSql;

    /// <summary>
    /// Constraints of the given operation kinds (and raw-SQL constraint kinds) that Up adds to existing tables;
    /// <paramref name="sqlFilter"/> decides which raw-SQL constraints count (NOT VALID or USING INDEX make them safe).
    /// </summary>
    public static IEnumerable<Found> Find(
        MigrationInfo migration,
        IReadOnlyDictionary<OperationKind, string> operationKinds,
        IReadOnlyDictionary<AddedConstraintKind, string> sqlKinds,
        System.Func<AddedConstraint, bool> sqlFilter)
    {
        var body = migration.Up;
        foreach (var operation in body.Operations)
        {
            if (operation.Framework == MigrationFramework.FluentMigrator && !DatabaseProviders.MayRunOn(operation, "Postgres"))
            {
                continue;
            }

            if (operationKinds.TryGetValue(operation.Kind, out var kind))
            {
                if (operation.Table is { } table && !SameMigration.CreatesTableBefore(body, operation))
                {
                    yield return new Found(operation, kind, operation.Name ?? "?", TableName.Display(operation.Schema, table));
                }
            }
            else if (operation.Kind == OperationKind.Sql && (operation.SqlTemplate ?? operation.SqlText) is { } sql)
            {
                foreach (var constraint in AddedConstraintFinder.Find(sql))
                {
                    var tableName = constraint.Table.Substring(constraint.Table.LastIndexOf('.') + 1);
                    var schema = tableName.Length < constraint.Table.Length ? constraint.Table.Substring(0, constraint.Table.Length - tableName.Length - 1) : null;
                    if (sqlKinds.TryGetValue(constraint.Kind, out var sqlKind)
                        && sqlFilter(constraint)
                        && !SameMigration.CreatesTableBefore(body, operation, schema, tableName))
                    {
                        yield return new Found(operation, sqlKind, constraint.Name ?? "?", constraint.Table);
                    }
                }
            }
        }
    }
}
