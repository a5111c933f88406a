using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using MigrationAnalyzers.Databases;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// The SQLite row of <see cref="ProviderBehaviour"/>, by running the SQL EF Core's SQLite provider generates on a table
/// that already holds rows (SQLite is embedded: no server is needed).
/// </summary>
public sealed class ProviderBehaviourOnSqliteTests : System.IDisposable
{
    private readonly SqliteConnection _connection = new SqliteConnection("Data Source=:memory:");

    public ProviderBehaviourOnSqliteTests()
    {
        _connection.Open();
        // The table as EF Core's SQLite provider creates it for ProviderOperations.Widget.
        Execute("""
            CREATE TABLE "Widgets" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Widgets" PRIMARY KEY AUTOINCREMENT,
                "At" TEXT NOT NULL,
                "Name" TEXT NULL,
                "Quantity" INTEGER NULL);
            INSERT INTO "Widgets" ("At", "Name", "Quantity") VALUES ('2024-01-01', 'a', NULL), ('2024-01-02', 'b', 5), ('2024-01-03', NULL, NULL);
            """);
    }

    /// <summary>ProviderBehaviour.Sqlite.FillsNullsWhenMadeRequiredWithDefault: the rebuild copies IFNULL(col, default).</summary>
    [Fact]
    public void Making_a_column_required_with_a_default_fills_the_nulls()
    {
        Migrate(ProviderOperations.MakeQuantityRequired(0), ProviderOperations.QuantityRequired(0));

        Assert.True(ProviderBehaviour.Sqlite.FillsNullsWhenMadeRequiredWithDefault());
        Assert.Equal(new object?[] { 0L, 5L, 0L }, Column("Quantity"));
        Assert.True(IsNotNull("Quantity"));
    }

    /// <summary>ProviderBehaviour.Sqlite.MakeRequired (TableRebuild): a new table with every row copied, then NOT NULL holds.</summary>
    [Fact]
    public void Making_a_column_required_rebuilds_the_table_and_keeps_the_rows()
    {
        Execute("""UPDATE "Widgets" SET "Quantity" = "Id" * 10;""");
        Migrate(ProviderOperations.MakeQuantityRequired(null), ProviderOperations.QuantityRequired(null));

        Assert.Equal(RequiredChangeCost.TableRebuild, ProviderBehaviour.Sqlite.MakeRequired);
        Assert.Equal(new object?[] { 10L, 20L, 30L }, Column("Quantity"));
        Assert.True(IsNotNull("Quantity"));
        var failure = Assert.Throws<SqliteException>(() => Execute("""INSERT INTO "Widgets" ("At") VALUES ('2024-02-01');"""));
        Assert.Contains("NOT NULL", failure.Message, System.StringComparison.Ordinal);
    }

    /// <summary>ProviderBehaviour.Sqlite.VarcharGrowth (TableRebuild): the length is not even stored, and the rows are copied.</summary>
    [Fact]
    public void Longer_varchar_rebuilds_the_table_and_keeps_the_rows()
    {
        Migrate(ProviderOperations.GrowName(50, 100), ProviderOperations.NameOf100);

        Assert.Equal(VarcharGrowthCost.TableRebuild, ProviderBehaviour.Sqlite.VarcharGrowth);
        Assert.Equal(new object?[] { "a", "b", null }, Column("Name"));
        Assert.Contains("\"Name\" TEXT NULL", Scalar<string>("""SELECT sql FROM sqlite_master WHERE name = 'Widgets'"""), System.StringComparison.Ordinal);
    }

    /// <summary>ProviderBehaviour.Sqlite.RenamesInPlace: EF Core 8 emits RENAME COLUMN / RENAME TO, which SQLite runs without a copy.</summary>
    [Fact]
    public void Renames_run_in_place()
    {
        Migrate(ProviderOperations.RenameQuantity(), ProviderOperations.Plain);
        Migrate(ProviderOperations.RenameWidgets(), ProviderOperations.Plain);

        Assert.True(ProviderBehaviour.Sqlite.RenamesInPlace);
        Assert.Equal(new object?[] { null, 5L, null }, Scalars("""SELECT "Amount" FROM "Gadgets" ORDER BY "Id";"""));
    }

    /// <summary>ProviderBehaviour.Sqlite.IndexBuild (NoConcurrentWriters): the plain CREATE INDEX runs in the application's own process.</summary>
    [Fact]
    public void Index_builds_in_the_applications_process()
    {
        Migrate(ProviderOperations.CreateQuantityIndex(), ProviderOperations.Plain);

        Assert.Equal(IndexBuildLocking.NoConcurrentWriters, ProviderBehaviour.Sqlite.IndexBuild);
        Assert.Equal(1L, Scalar<long>($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{ProviderOperations.IndexName}'"));
    }

    public void Dispose() => _connection.Dispose();

    private void Migrate(MigrationOperation operation, System.Action<Microsoft.EntityFrameworkCore.ModelBuilder> targetModel)
    {
        foreach (var command in ProviderSql.Commands(DatabaseProvider.Sqlite, new[] { operation }, targetModel))
        {
            Execute(command.CommandText);
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private IReadOnlyList<object?> Scalars(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        return values;
    }

    private IReadOnlyList<object?> Column(string name) => Scalars($"""SELECT "{name}" FROM "Widgets" ORDER BY "Id";""");

    private bool IsNotNull(string column)
        => Scalar<long>($"SELECT \"notnull\" FROM pragma_table_info('Widgets') WHERE name = '{column}'") == 1;
}
