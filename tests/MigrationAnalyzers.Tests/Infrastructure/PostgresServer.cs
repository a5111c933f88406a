using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server started by .ci/setup-postgres.sh (or any server named by MIGRATION_ANALYZERS_POSTGRES).
/// Tests that need it call <see cref="SkipUnlessAvailable"/>, which skips them with the reason when no server answers —
/// except in CI (<c>CI=true</c>), where .ci/run starts the server: there an unreachable server fails the tests, so a
/// broken setup cannot pass as a run with every PostgreSQL proof skipped.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionStringVariable = "MIGRATION_ANALYZERS_POSTGRES";

    /// <summary>The defaults of .ci/setup-postgres.sh.</summary>
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=55432;Username=migration_analyzers;Password=migration_analyzers;Database=migration_analyzers;Timeout=5;Pooling=false";

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    private static readonly Lazy<string?> Unavailable = new Lazy<string?>(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Null when the server answers; otherwise why the PostgreSQL tests are skipped.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    /// <summary>True when the tests run in CI (<c>CI=true</c>, as .ci/run is started), where PostgreSQL must be there.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void SkipUnlessAvailable()
    {
        if (UnavailableReason is { } reason)
        {
            if (Required)
            {
                Assert.Fail("PostgreSQL is required when CI=true (.ci/setup-postgres.sh starts it): " + reason);
            }

            Console.WriteLine("Skipping PostgreSQL test: " + reason);
            Skip.If(true, reason);
        }
    }

    /// <summary>A fresh, empty database for one test; dropped first if a previous run left it behind.</summary>
    public static async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception exception)
        {
            return $"no PostgreSQL server reachable with {ConnectionStringVariable} or the default of .ci/setup-postgres.sh "
                + $"({exception.GetType().Name}: {exception.Message}); run .ci/setup-postgres.sh to start one";
        }
    }
}
