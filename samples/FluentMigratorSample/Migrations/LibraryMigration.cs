using FluentMigrator;

namespace Library.Schema.Migrations;

/// <summary>Base of the library's migrations: the one place that knows the schema's naming conventions.</summary>
public abstract class LibraryMigration : Migration
{
    protected static string ForeignKeyName(string table, string column) => $"FK_{table}_{column}";
}
