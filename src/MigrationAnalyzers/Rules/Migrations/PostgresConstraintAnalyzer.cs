using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// What MIG1120 and MIG1130 share: both look at constraints added in Up to tables that already exist, on PostgreSQL,
/// whether through EF Core / FluentMigrator operations or <c>ALTER TABLE … ADD</c> in raw SQL. Each rule says which
/// kinds it is about and which raw-SQL constraints are unsafe (NOT VALID or USING INDEX make them safe).
/// </summary>
public abstract class PostgresConstraintAnalyzer : MigrationRuleAnalyzer<DatabaseProviders>
{
    private readonly DiagnosticDescriptor _descriptor;
    private readonly IReadOnlyDictionary<OperationKind, string> _operationKinds;
    private readonly IReadOnlyDictionary<AddedConstraintKind, string> _sqlKinds;

    /// <param name="operationKinds">The operations the rule reports, with the name the message gives them.</param>
    /// <param name="sqlKinds">The raw-SQL constraint kinds the rule reports, with the name the message gives them.</param>
    protected PostgresConstraintAnalyzer(
        DiagnosticDescriptor descriptor,
        IReadOnlyDictionary<OperationKind, string> operationKinds,
        IReadOnlyDictionary<AddedConstraintKind, string> sqlKinds)
        : base(descriptor)
    {
        _descriptor = descriptor;
        _operationKinds = operationKinds;
        _sqlKinds = sqlKinds;
    }

    /// <summary>A constraint added in raw SQL counts only when this says so.</summary>
    protected abstract bool IsUnsafe(AddedConstraint constraint);

    protected sealed override DatabaseProviders ResolveOnce(Compilation compilation, MigrationCatalog catalog)
        => DatabaseProviders.Detect(compilation);

    protected sealed override void AnalyzeMigration(MigrationRuleContext context, DatabaseProviders providers)
    {
        if (!providers.For(context.Migration, context.Options).PostgreSql)
        {
            return;
        }

        var body = context.Migration.Up;
        foreach (var operation in body.Operations)
        {
            if (operation.Framework == MigrationFramework.FluentMigrator && !DatabaseProviders.MayRunOn(operation, "Postgres"))
            {
                continue;
            }

            if (_operationKinds.TryGetValue(operation.Kind, out var kind))
            {
                if (operation.Table is { } table && !SameMigration.CreatesTableBefore(body, operation))
                {
                    context.Report(_descriptor, operation.Location, kind, operation.Name ?? "?", TableName.Display(operation.Schema, table));
                }
            }
            else if (operation.Kind == OperationKind.Sql && (operation.SqlTemplate ?? operation.SqlText) is { } sql)
            {
                foreach (var constraint in AddedConstraintFinder.Find(sql))
                {
                    var tableName = constraint.Table.Substring(constraint.Table.LastIndexOf('.') + 1);
                    var schema = tableName.Length < constraint.Table.Length ? constraint.Table.Substring(0, constraint.Table.Length - tableName.Length - 1) : null;
                    if (_sqlKinds.TryGetValue(constraint.Kind, out var sqlKind)
                        && IsUnsafe(constraint)
                        && !SameMigration.CreatesTableBefore(body, operation, schema, tableName))
                    {
                        context.Report(_descriptor, operation.Location, sqlKind, constraint.Name ?? "?", constraint.Table);
                    }
                }
            }
        }
    }
}
