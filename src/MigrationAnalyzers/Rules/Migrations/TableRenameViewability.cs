using System;
using System.Collections.Generic;
using System.Linq;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// Whether MIG1040's fix for a table rename can be written: keep the rename and create, in the same migration, a view
/// under the old name that reads the renamed table. A view over one table with <c>SELECT *</c> is updatable on
/// PostgreSQL, SQL Server and MySQL, so the old application version keeps reading and writing through the old name.
/// Decided once for the rule (which says in its message why no fix is offered) and for the fix (which then declines).
/// </summary>
internal static class TableRenameViewability
{
    /// <summary>Null when the view can be written; otherwise why not, in words for the diagnostic.</summary>
    public static string? WhyNoFix(TargetDatabase target, MigrationCatalog catalog, MigrationInfo migration, MigrationOperation rename)
    {
        switch (target.Provider)
        {
            case DatabaseProvider.Unknown:
                return "the target database is unknown, so the view that keeps the old table name has no dialect (set migration_analyzers.target_database)";
            case DatabaseProvider.Sqlite:
                return "SQLite views are read-only, so a view under the old name would not take the old version's writes; an embedded database is upgraded with the application stopped (migration_analyzers.deployment = single_instance)";
        }

        // A null newSchema next to a schema has meant "unchanged" and "the default schema", depending on the EF Core
        // version and provider, so the view would not know which table to read.
        if (migration.Framework == MigrationFramework.EntityFrameworkCore && rename.Schema is not null && rename.NewSchema is null)
        {
            return "the rename gives a schema but no newSchema, and where the table then lands depends on the EF Core version and provider (the same schema or the default one), so the view under the old name would not know which table to read";
        }

        if (rename.Table is not { } oldName || rename.NewName is not { } newName)
        {
            return null;
        }

        var newSchema = NewSchemaOf(migration, rename);
        foreach (var (operation, owner) in After(catalog, migration, rename))
        {
            if (TakesName(operation, rename.Schema, oldName))
            {
                return $"the old name is used again by {Where(migration, owner)}, where the view under the old name would stand in the way";
            }

            if (ChangesTable(operation, newSchema, newName))
            {
                return $"{Where(migration, owner)} drops, renames or alters '{TableName.Display(newSchema, newName)}' or its columns, which PostgreSQL refuses while a view reads them and which leaves the view broken elsewhere; the view would have to be dropped first";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether Up creates a view under the old name after <paramref name="rename"/> (raw SQL <c>CREATE [OR REPLACE |
    /// OR ALTER] VIEW</c>, as the fix writes it): the old name stays usable, and the rule is silent.
    /// </summary>
    public static bool KeepsOldNameAsView(MigrationInfo migration, MigrationOperation rename)
    {
        if (rename.Table is not { } oldName)
        {
            return false;
        }

        var seen = false;
        foreach (var operation in migration.Up.Operations)
        {
            if (ReferenceEquals(operation, rename))
            {
                seen = true;
            }
            else if (seen && operation.Kind == MigrationOperationKind.Sql && (operation.SqlTemplate ?? operation.SqlText) is { } sql
                     && CreatedViews(sql).Any(view => IsOldName(view, rename.Schema, oldName)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names of the views a SQL text creates, qualified as written (<c>Customers</c>, <c>sales.Customers</c>).</summary>
    private static IEnumerable<string> CreatedViews(string sql)
    {
        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            var index = 0;
            if (statement.Length == 0 || !statement[index++].Is("CREATE"))
            {
                continue;
            }

            if (index + 1 < statement.Length && statement[index].Is("OR") && (statement[index + 1].Is("REPLACE") || statement[index + 1].Is("ALTER")))
            {
                index += 2;
            }

            if (index < statement.Length && statement[index].Is("VIEW"))
            {
                index++;
                if (SqlNames.ReadQualified(statement, ref index) is { } name)
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>The view's name is the old table name, in the old schema when the rename gives one.</summary>
    private static bool IsOldName(string view, string? schema, string oldName)
    {
        var dot = view.LastIndexOf('.');
        var viewSchema = dot < 0 ? null : view.Substring(0, dot);
        var viewName = dot < 0 ? view : view.Substring(dot + 1);
        return string.Equals(viewName, oldName, StringComparison.OrdinalIgnoreCase)
               && (schema is null || string.Equals(viewSchema, schema, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The schema the table has after the rename: EF Core's <c>newSchema</c> when given, else the old one (FluentMigrator renames within a schema).</summary>
    public static string? NewSchemaOf(MigrationInfo migration, MigrationOperation rename)
        => migration.Framework == MigrationFramework.EntityFrameworkCore ? rename.NewSchema ?? rename.Schema : rename.Schema;

    /// <summary>The operations of Up that run after <paramref name="rename"/>: the rest of this migration, then every later migration of its history.</summary>
    private static IEnumerable<(MigrationOperation Operation, MigrationInfo Owner)> After(MigrationCatalog catalog, MigrationInfo migration, MigrationOperation rename)
    {
        var operations = migration.Up.Operations;
        var index = -1;
        for (var i = 0; i < operations.Length; i++)
        {
            if (ReferenceEquals(operations[i], rename))
            {
                index = i;
                break;
            }
        }

        for (var i = index + 1; index >= 0 && i < operations.Length; i++)
        {
            yield return (operations[i], migration);
        }

        foreach (var later in catalog.Later(migration))
        {
            foreach (var operation in later.Up.Operations)
            {
                yield return (operation, later);
            }
        }
    }

    /// <summary>A table created or renamed to the old name (in the old schema, or where the schema is not known).</summary>
    private static bool TakesName(MigrationOperation operation, string? schema, string oldName)
        => operation switch
        {
            { Kind: MigrationOperationKind.CreateTable, Table: { } created } => TableName.Matches(operation.Schema, created, schema, oldName),
            { Kind: MigrationOperationKind.RenameTable, NewName: { } renamed } => TableName.Matches(operation.NewSchema ?? operation.Schema, renamed, schema, oldName),
            _ => false,
        };

    /// <summary>An operation on the renamed table that a view reading it blocks (PostgreSQL) or breaks (SQL Server, MySQL).</summary>
    private static bool ChangesTable(MigrationOperation operation, string? schema, string table)
        => operation.Kind is MigrationOperationKind.DropTable or MigrationOperationKind.RenameTable
               or MigrationOperationKind.DropColumn or MigrationOperationKind.AlterColumn or MigrationOperationKind.RenameColumn
           && operation.Table is { } changed
           && TableName.Matches(operation.Schema, changed, schema, table);

    private static string Where(MigrationInfo migration, MigrationInfo owner)
        => ReferenceEquals(owner, migration) ? "a later operation of this migration" : "a later migration (" + owner.Name + ")";
}
