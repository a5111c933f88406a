using FluentMigrator.Runner;
using Library.Schema.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Schema.Tests;

/// <summary>
/// The sample's migrations through FluentMigrator's runner on a real SQLite database file. The roll-back test fails
/// while CreateBooks has an empty Down (MIG1001) and passes once `dotnet format analyzers` has written it.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"library-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    [Fact]
    public void Migrations_create_the_schema()
    {
        using (var services = NewServices())
        {
            services.GetRequiredService<IMigrationRunner>().MigrateUp();
        }

        Assert.Equal(new[] { "Authors", "Books" }, Tables(Describe()));
        Assert.Contains(Describe(), entry => entry.StartsWith("index IX_Books_AuthorId", StringComparison.Ordinal));
    }

    [Fact]
    public void Migrations_roll_back_to_an_empty_database_and_apply_again()
    {
        var empty = Describe();
        using var services = NewServices();
        var runner = services.GetRequiredService<IMigrationRunner>();

        runner.MigrateUp();
        var migrated = Describe();
        runner.MigrateDown(0);
        Assert.Equal(empty, Describe());

        runner.MigrateUp();
        Assert.Equal(migrated, Describe());
    }

    private ServiceProvider NewServices() => new ServiceCollection()
        .AddFluentMigratorCore()
        .ConfigureRunner(runner => runner
            .AddSQLite()
            .WithGlobalConnectionString($"Data Source={_databasePath}")
            .ScanIn(typeof(LibraryMigration).Assembly).For.Migrations())
        .BuildServiceProvider(validateScopes: false);

    /// <summary>Every table and index with its SQL, without FluentMigrator's VersionInfo table.</summary>
    private IReadOnlyList<string> Describe()
    {
        using var connection = new SqliteConnection($"Data Source={_databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type || ' ' || name || ': ' || IFNULL(sql, '')
            FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> 'VersionInfo'
            ORDER BY type, name
            """;
        using var reader = command.ExecuteReader();
        var entries = new List<string>();
        while (reader.Read())
        {
            entries.Add(reader.GetString(0));
        }

        return entries;
    }

    private static IReadOnlyList<string> Tables(IReadOnlyList<string> schema)
        => schema.Where(entry => entry.StartsWith("table ", StringComparison.Ordinal))
            .Select(entry => entry.Substring("table ".Length, entry.IndexOf(':') - "table ".Length))
            .ToList();
}
