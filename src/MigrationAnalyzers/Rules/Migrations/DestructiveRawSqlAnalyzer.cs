using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1080: raw SQL in Up that drops a table or column, truncates, or deletes or updates every row.
/// The SQL is read with <see cref="SqlTokenizer"/> (comments, strings and quoted names are respected), from constants
/// and from interpolated or concatenated text whose holes are only known at run time.
/// Silent for tables created earlier in the migration, and for an UPDATE that only fills columns added earlier in it
/// or by the directly preceding migration (the usual backfill of a new column), as the schema timeline shows.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveRawSqlAnalyzer : MigrationRuleAnalyzer
{
    public DestructiveRawSqlAnalyzer()
        : base(MIG1080_DestructiveRawSql)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        var timeline = new UpTimeline(context.Catalog, migration);
        // Up only: Down exists to take back what Up made, and dropping that is its job.
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind != MigrationOperationKind.Sql || (operation.SqlTemplate ?? operation.SqlText) is not { } sql)
            {
                continue;
            }

            var problems = new List<string>();
            foreach (var statement in DestructiveSqlFinder.Find(sql))
            {
                if (!IsHarmless(timeline, operation, statement))
                {
                    problems.Add(statement.Describe());
                }
            }

            if (problems.Count > 0)
            {
                context.Report(MIG1080_DestructiveRawSql, operation.Location, string.Join("; ", problems));
            }
        }
    }

    private static bool IsHarmless(UpTimeline timeline, MigrationOperation operation, DestructiveStatement statement)
    {
        var schema = statement.Table.Length > statement.TableName.Length ? statement.Table.Substring(0, statement.Table.Length - statement.TableName.Length - 1) : null;
        if (timeline.IsNewTable(operation, schema, statement.TableName))
        {
            return true;
        }

        if (statement.Kind != DestructiveStatementKind.UpdateAll || statement.AssignedColumns.IsEmpty)
        {
            return false;
        }

        // A backfill fills columns that are new: added here, or by the migration just before (the recommended split:
        // add the columns in one migration, fill them in the next). Overwriting an older column is still data loss.
        foreach (var column in statement.AssignedColumns)
        {
            if (!timeline.IsAddedWithin(operation, schema, statement.TableName, column, migrationsBack: 1))
            {
                return false;
            }
        }

        return true;
    }
}
