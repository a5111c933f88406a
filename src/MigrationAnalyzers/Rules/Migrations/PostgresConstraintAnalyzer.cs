using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// What MIG1120 and MIG1130 share: both look at constraints added in Up to tables that already exist, on PostgreSQL,
/// whether through EF Core / FluentMigrator operations or <c>ALTER TABLE … ADD</c> in raw SQL. Each rule says which
/// kinds it is about and which raw-SQL constraints are unsafe (NOT VALID or USING INDEX make them safe).
/// </summary>
public abstract class PostgresConstraintAnalyzer : MigrationRuleAnalyzer
{
    private readonly DiagnosticDescriptor _descriptor;
    private readonly IReadOnlyDictionary<MigrationOperationKind, string> _operationKinds;
    private readonly IReadOnlyDictionary<AddedConstraintKind, string> _sqlKinds;

    /// <param name="operationKinds">The operations the rule reports, with the name the message gives them.</param>
    /// <param name="sqlKinds">The raw-SQL constraint kinds the rule reports, with the name the message gives them.</param>
    protected PostgresConstraintAnalyzer(
        DiagnosticDescriptor descriptor,
        IReadOnlyDictionary<MigrationOperationKind, string> operationKinds,
        IReadOnlyDictionary<AddedConstraintKind, string> sqlKinds)
        : base(descriptor)
    {
        _descriptor = descriptor;
        _operationKinds = operationKinds;
        _sqlKinds = sqlKinds;
    }

    /// <summary>Diagnostic property: the name of the constraint an operation adds (not set for raw SQL).</summary>
    public const string ConstraintProperty = "constraint";

    /// <summary>A constraint added in raw SQL counts only when this says so.</summary>
    protected abstract bool IsUnsafe(AddedConstraint constraint);

    /// <summary>
    /// Another rule reports this raw-SQL constraint kind on the same operation, and its finding is the graver one:
    /// the operation gets that diagnostic only (one finding, one diagnostic).
    /// </summary>
    protected virtual bool YieldsTo(AddedConstraint constraint) => false;

    protected sealed override void AnalyzeMigration(MigrationRuleContext context)
    {
        // The lock matters only while the application (and others) write: silent for a single-instance deployment.
        if (!context.IsRollingDeployment)
        {
            return;
        }

        var target = context.Database;
        var body = context.Migration.Up;
        foreach (var operation in body.Operations)
        {
            if (TargetDatabasePolicy.ForOperation(target, operation) is not { } database || !database.Is(DatabaseProvider.PostgreSql))
            {
                continue;
            }

            if (_operationKinds.TryGetValue(operation.Kind, out var kind))
            {
                if (operation.Table is { } table && !SameMigration.CreatesTableBefore(body, operation))
                {
                    // The constraint's name lets a fix find the operation again (after earlier fixes moved it).
                    var properties = operation.Name is { } name
                        ? System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(ConstraintProperty, name)
                        : null;
                    context.Report(_descriptor, operation.Location, properties, kind, operation.Name ?? "?", TableName.Display(operation.Schema, table));
                }
            }
            else if (operation.Kind == MigrationOperationKind.Sql && (operation.SqlTemplate ?? operation.SqlText) is { } sql)
            {
                // One diagnostic per SQL operation: the first unsafe constraint, and none when a graver rule reports the same text.
                var constraints = AddedConstraintFinder.Find(sql);
                AddedConstraint? first = null;
                var yields = false;
                foreach (var constraint in constraints)
                {
                    var tableName = constraint.Table.Substring(constraint.Table.LastIndexOf('.') + 1);
                    var schema = tableName.Length < constraint.Table.Length ? constraint.Table.Substring(0, constraint.Table.Length - tableName.Length - 1) : null;
                    if (SameMigration.CreatesTableBefore(body, operation, schema, tableName))
                    {
                        continue;
                    }

                    yields |= YieldsTo(constraint);
                    if (first is null && _sqlKinds.ContainsKey(constraint.Kind) && IsUnsafe(constraint))
                    {
                        first = constraint;
                    }
                }

                if (first is not null && !yields && _sqlKinds.TryGetValue(first.Kind, out var sqlKind))
                {
                    context.Report(_descriptor, operation.Location, sqlKind, first.Name ?? "?", first.Table);
                }
            }
        }
    }
}
