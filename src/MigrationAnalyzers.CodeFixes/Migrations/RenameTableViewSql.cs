using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// The view MIG1040's table fix creates under the old table name, and the statement that drops it again. A view that
/// selects every column of one table is updatable on PostgreSQL (9.3+), SQL Server and MySQL: the old application
/// version's reads, inserts, updates and deletes through the old name reach the renamed table, whose defaults and
/// identity still fill the columns an insert leaves out. SQL Server wants CREATE VIEW alone in its batch, which a
/// migration's SQL command of its own is.
/// </summary>
internal sealed class RenameTableViewSql
{
    private RenameTableViewSql(string create, string drop)
    {
        Create = create;
        Drop = drop;
    }

    public string Create { get; }

    public string Drop { get; }

    /// <summary>The SQL for <paramref name="provider"/>; null for SQLite (read-only views) and an unknown database (no dialect).</summary>
    public static RenameTableViewSql? For(DatabaseProvider provider, string? oldSchema, string oldName, string? newSchema, string newName)
    {
        if (provider is not (DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer or DatabaseProvider.MySql))
        {
            return null;
        }

        var view = SqlText.Table(oldSchema, oldName, provider);
        return new RenameTableViewSql(
            $"CREATE VIEW {view} AS SELECT * FROM {SqlText.Table(newSchema, newName, provider)};",
            $"DROP VIEW {view};");
    }
}
