using System.Globalization;
using System.Reflection;
using FluentMigrator;
using FluentMigrator.Runner;
using Library.Schema.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Schema.Tests;

/// <summary>
/// The sample's migrations through FluentMigrator's runner on a real SQLite database file. The roll-back tests fail
/// while CreateBooks has an empty Down (MIG1001) and pass once `dotnet format analyzers` has written it.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"library-{Guid.NewGuid():N}.db");
    private static readonly string[] expected = new[] { "Authors", "Books" };

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

        Assert.Equal(expected, Tables(Describe()));
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

    [Fact]
    public void Each_migration_can_roll_back_to_the_state_before_it_with_its_rows()
    {
        var versions = typeof(LibraryMigration).Assembly.GetTypes()
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Version)
            .OfType<long>()
            .Order()
            .ToList();
        Assert.True(versions.Count >= 3, "the walk needs the sample's whole history");
        using var services = NewServices();
        var runner = services.GetRequiredService<IMigrationRunner>();

        // Up one migration at a time, with rows put in as soon as their table exists: the state after each step.
        var states = new List<string>();
        foreach (var version in versions)
        {
            runner.MigrateUp(version);
            Execute(RowsFor(version));
            states.Add(State());
        }

        // Down one migration at a time: each rollback gives back the schema and every row the step had on the way up.
        for (var index = versions.Count - 2; index >= 0; index--)
        {
            runner.MigrateDown(versions[index]);
            Assert.Equal(states[index], State());
        }

        runner.MigrateUp();
        Assert.Equal(Describe(), SchemaOf(states[^1]));
    }

    /// <summary>Rows for the tables a migration of the sample creates, put in right after it runs.</summary>
    private static string? RowsFor(long version) => version switch
    {
        202401050900 => "INSERT INTO \"Authors\" (\"Name\") VALUES ('Ursula K. Le Guin'), ('Italo Calvino');",
        202401101200 => "INSERT INTO \"Books\" (\"Title\", \"AuthorId\") VALUES ('The Dispossessed', 1), ('Invisible Cities', 2);",
        _ => null,
    };

    private void Execute(string? sql)
    {
        if (sql is null)
        {
            return;
        }

        using var connection = new SqliteConnection($"Data Source={_databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The schema, then every row of every table in key order: what a rollback must give back.</summary>
    private string State()
    {
        var schema = Describe();
        var lines = new List<string>(schema);
        using var connection = new SqliteConnection($"Data Source={_databasePath}");
        connection.Open();
        foreach (var table in Tables(schema))
        {
            lines.Add("rows of " + table);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(column => reader.GetName(column) + "=" + (reader.IsDBNull(column) ? "NULL" : Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)));
                lines.Add("  " + string.Join(", ", values));
            }
        }

        return string.Join("\n", lines);
    }

    private static IReadOnlyList<string> SchemaOf(string state)
        => state.Split('\n').TakeWhile(line => !line.StartsWith("rows of ", StringComparison.Ordinal)).ToList();

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
