using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// Runs the index migration through EF Core's migrator and Npgsql against a real PostgreSQL server, and checks what
/// MIG1060 promises: while the index waits for a running write transaction, another writer is blocked by the
/// scaffolded migration and is not blocked by the fixed one.
/// The proof: writer A holds an open transaction with an insert, so the index build has to wait for it. A plain
/// CREATE INDEX waits for a SHARE lock on the table, and every later write queues behind that request; CREATE INDEX
/// CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE, so writer B's insert goes through. Writer B uses a lock_timeout,
/// so the test is bounded whatever happens. CONCURRENTLY also fails inside a transaction block, so the fixed migration
/// completing shows that Npgsql ran it outside the migration's transaction.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ConcurrentIndexOnPostgresTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Scaffolded_index_migration_blocks_other_writers()
    {
        PostgresServer.SkipUnlessAvailable();
        var outcome = await RunIndexMigrationWhileWritingAsync("mig1060_blocking", cs => new BlockingIndexContext(cs));

        Assert.False(outcome.SecondWriterSucceeded, "a plain CREATE INDEX should have blocked the second writer");
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, outcome.SecondWriterError);
        Assert.True(outcome.IndexIsValid);
    }

    [SkippableFact]
    public async Task Fixed_index_migration_builds_concurrently_without_blocking_writers()
    {
        PostgresServer.SkipUnlessAvailable();
        var outcome = await RunIndexMigrationWhileWritingAsync("mig1060_concurrent", cs => new ConcurrentIndexContext(cs));

        Assert.True(outcome.SecondWriterSucceeded, "CREATE INDEX CONCURRENTLY should let the second writer insert; error: " + outcome.SecondWriterError);
        Assert.True(outcome.IndexIsValid);
        Assert.Contains("CONCURRENTLY", outcome.MigrationSql, StringComparison.Ordinal);
        Assert.True(outcome.IndexCommandSuppressesTransaction);
    }

    private sealed record Outcome(bool SecondWriterSucceeded, string? SecondWriterError, bool IndexIsValid, string MigrationSql, bool IndexCommandSuppressesTransaction);

    private static async Task<Outcome> RunIndexMigrationWhileWritingAsync(string database, Func<string, OrdersContext> createContext)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var token = timeout.Token;
        var connectionString = await PostgresServer.CreateDatabaseAsync(database, token);

        await using (var setup = createContext(connectionString))
        {
            await setup.GetService<IMigrator>().MigrateAsync(OrdersMigrations.CreateOrders, token);
        }

        // What EF Core will send for the index migration, and whether it leaves the transaction for it.
        string sql;
        bool suppressed;
        await using (var inspect = createContext(connectionString))
        {
            var migrationsAssembly = inspect.GetService<IMigrationsAssembly>();
            var indexMigration = migrationsAssembly.CreateMigration(migrationsAssembly.Migrations[OrdersMigrations.IndexOrders], inspect.Database.ProviderName!);
            var commands = inspect.GetService<IMigrationsSqlGenerator>().Generate(indexMigration.UpOperations);
            sql = string.Join("\n", commands.Select(command => command.CommandText));
            suppressed = commands.Count == 1 && commands[0].TransactionSuppressed;
        }

        await using var writerA = new NpgsqlConnection(connectionString);
        await writerA.OpenAsync(token);
        await using var transactionA = await writerA.BeginTransactionAsync(token);
        await PostgresServer.ExecuteAsync(writerA, """INSERT INTO "Orders" ("CustomerId") VALUES (7)""", token);

        await using var migrating = createContext(connectionString);
        var migration = migrating.GetService<IMigrator>().MigrateAsync(OrdersMigrations.IndexOrders, token);

        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync(token);
        await WaitUntilIndexBuildWaitsAsync(observer, migration, token);

        bool secondSucceeded;
        string? secondError = null;
        await using (var writerB = new NpgsqlConnection(connectionString))
        {
            await writerB.OpenAsync(token);
            await PostgresServer.ExecuteAsync(writerB, "SET lock_timeout = '2s'", token);
            try
            {
                await PostgresServer.ExecuteAsync(writerB, """INSERT INTO "Orders" ("CustomerId") VALUES (8)""", token);
                secondSucceeded = true;
            }
            catch (PostgresException exception)
            {
                secondSucceeded = false;
                secondError = exception.SqlState;
            }
        }

        await transactionA.CommitAsync(token);
        await migration.WaitAsync(token);

        var valid = await PostgresServer.ScalarAsync<bool>(
            observer,
            """SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'IX_Orders_CustomerId'""",
            token);
        return new Outcome(secondSucceeded, secondError, valid, sql, suppressed);
    }

    /// <summary>Polls pg_stat_activity until the index build is waiting on a lock (writer A's transaction).</summary>
    private static async Task WaitUntilIndexBuildWaitsAsync(NpgsqlConnection observer, Task migration, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (migration.IsCompleted)
            {
                await migration; // surfaces a failure of the migration itself
                throw new InvalidOperationException("the index migration finished without waiting for the open write transaction");
            }

            var waiting = await PostgresServer.ScalarAsync<long>(
                observer,
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%CREATE INDEX%'
                """,
                token);
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(50, token);
        }

        throw new TimeoutException("the index build never started waiting on the open write transaction");
    }
}

/// <summary>PostgreSQL tests run one at a time: they measure locking, and share one server.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
