using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;
using OperationKind = MigrationAnalyzers.Model.OperationKind;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1080: raw SQL in Up that drops a table or column, truncates, or deletes or updates every row.
/// The SQL is read with <see cref="SqlTokenizer"/> (comments, strings and quoted names are respected), from constants
/// and from interpolated or concatenated text whose holes are only known at run time.
/// Silent for tables created earlier in the migration, and for an UPDATE that only fills columns added earlier in it
/// (the usual backfill of a new column).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveRawSqlAnalyzer : MigrationAnalyzer
{
    public DestructiveRawSqlAnalyzer()
        : base(MIG1080_DestructiveRawSql)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var catalog = MigrationCatalog.For(context.Compilation);
        if (!catalog.Symbols.HasAny)
        {
            return;
        }

        context.RegisterSymbolAction(symbolContext => Analyze(symbolContext, catalog), SymbolKind.NamedType);
    }

    private static void Analyze(SymbolAnalysisContext context, MigrationCatalog catalog)
    {
        if (catalog.Get((INamedTypeSymbol)context.Symbol) is not { } migration
            || MigrationScope.IsBeforeBaseline(migration, context.Options))
        {
            return;
        }

        // Up only: Down exists to take back what Up made, and dropping that is its job.
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind != OperationKind.Sql || (operation.SqlTemplate ?? operation.SqlText) is not { } sql)
            {
                continue;
            }

            var problems = new List<string>();
            foreach (var statement in DestructiveSqlFinder.Find(sql))
            {
                if (!IsHarmless(migration.Up, operation, statement))
                {
                    problems.Add(statement.Describe());
                }
            }

            if (problems.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(MIG1080_DestructiveRawSql, operation.Location, string.Join("; ", problems)));
            }
        }
    }

    private static bool IsHarmless(MigrationBody body, MigrationOperation operation, DestructiveStatement statement)
    {
        var schema = statement.Table.Length > statement.TableName.Length ? statement.Table.Substring(0, statement.Table.Length - statement.TableName.Length - 1) : null;
        if (SameMigration.CreatesTableBefore(body, operation, schema, statement.TableName))
        {
            return true;
        }

        if (statement.Kind != DestructiveStatementKind.UpdateAll || statement.AssignedColumns.IsEmpty)
        {
            return false;
        }

        foreach (var column in statement.AssignedColumns)
        {
            if (!SameMigration.AddsColumnBefore(body, operation, schema, statement.TableName, column))
            {
                return false;
            }
        }

        return true;
    }
}
