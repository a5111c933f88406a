using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// Runs index migrations through EF Core's migrator and Npgsql against a real PostgreSQL server, and checks what
/// MIG1060 promises, for a build and for a drop: while the index statement waits for a running write transaction,
/// another writer is blocked by the scaffolded migration and is not blocked by the fixed one.
/// The proof: writer A holds an open transaction with an insert, so the index statement has to wait for it. A plain
/// CREATE INDEX waits for a SHARE lock on the table (a plain DROP INDEX for ACCESS EXCLUSIVE), and every later write
/// queues behind that request; the CONCURRENTLY forms take only SHARE UPDATE EXCLUSIVE, so writer B's insert goes
/// through. Writer B uses a lock_timeout, so the test is bounded whatever happens. CONCURRENTLY also fails inside a
/// transaction block, so the fixed migrations completing shows that they ran outside the migration's transaction.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ConcurrentIndexOnPostgresTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Scaffolded_index_migration_blocks_other_writers()
    {
        PostgresServer.SkipUnlessAvailable();
        var outcome = await RunIndexMigrationWhileWritingAsync(
            "mig1060_blocking", cs => new BlockingIndexContext(cs), OrdersMigrations.CreateOrders, OrdersMigrations.IndexOrders, "CREATE INDEX");

        Assert.False(outcome.SecondWriterSucceeded, "a plain CREATE INDEX should have blocked the second writer");
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, outcome.SecondWriterError);
        Assert.True(outcome.IndexIsValid);
    }

    [SkippableFact]
    public async Task Fixed_index_migration_builds_concurrently_without_blocking_writers()
    {
        PostgresServer.SkipUnlessAvailable();
        var outcome = await RunIndexMigrationWhileWritingAsync(
            "mig1060_concurrent", cs => new ConcurrentIndexContext(cs), OrdersMigrations.CreateOrders, OrdersMigrations.IndexOrders, "CREATE INDEX");

        Assert.True(outcome.SecondWriterSucceeded, "CREATE INDEX CONCURRENTLY should let the second writer insert; error: " + outcome.SecondWriterError);
        Assert.True(outcome.IndexIsValid);
        Assert.Contains("CONCURRENTLY", outcome.MigrationSql, StringComparison.Ordinal);
        Assert.True(outcome.IndexCommandSuppressesTransaction);
    }

    [SkippableFact]
    public async Task Scaffolded_drop_index_blocks_other_writers()
    {
        PostgresServer.SkipUnlessAvailable();
        var outcome = await RunIndexMigrationWhileWritingAsync(
            "mig1060_blocking_drop", cs => new BlockingDropContext(cs), OrdersMigrations.IndexOrders, OrdersMigrations.DropOrdersIndex, "DROP INDEX");

        Assert.False(outcome.SecondWriterSucceeded, "a plain DROP INDEX should have blocked the second writer");
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, outcome.SecondWriterError);
        Assert.False(outcome.IndexExists);
    }

    [SkippableFact]
    public async Task Fixed_drop_index_drops_concurrently_without_blocking_writers()
    {
        PostgresServer.SkipUnlessAvailable();
        var outcome = await RunIndexMigrationWhileWritingAsync(
            "mig1060_concurrent_drop", cs => new ConcurrentDropContext(cs), OrdersMigrations.IndexOrders, OrdersMigrations.DropOrdersIndex, "DROP INDEX");

        Assert.True(outcome.SecondWriterSucceeded, "DROP INDEX CONCURRENTLY should let the second writer insert; error: " + outcome.SecondWriterError);
        Assert.False(outcome.IndexExists);
        Assert.True(outcome.IndexCommandSuppressesTransaction);
    }

    private sealed record Outcome(
        bool SecondWriterSucceeded,
        string? SecondWriterError,
        bool IndexExists,
        bool IndexIsValid,
        string MigrationSql,
        bool IndexCommandSuppressesTransaction);

    /// <summary>
    /// Migrates to <paramref name="setupTo"/>, then runs <paramref name="runTo"/> while writer A holds an open insert,
    /// waits until the statement starting with <paramref name="statement"/> waits for a lock, and tries a second insert.
    /// </summary>
    private static async Task<Outcome> RunIndexMigrationWhileWritingAsync(
        string database,
        Func<string, OrdersContext> createContext,
        string setupTo,
        string runTo,
        string statement)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var token = timeout.Token;
        var connectionString = await PostgresServer.CreateDatabaseAsync(database, token);

        await using (var setup = createContext(connectionString))
        {
            await setup.GetService<IMigrator>().MigrateAsync(setupTo, token);
        }

        // What EF Core will send for the index migration, and whether it leaves the transaction for it.
        string sql;
        bool suppressed;
        await using (var inspect = createContext(connectionString))
        {
            var migrationsAssembly = inspect.GetService<IMigrationsAssembly>();
            var indexMigration = migrationsAssembly.CreateMigration(migrationsAssembly.Migrations[runTo], inspect.Database.ProviderName!);
            var commands = inspect.GetService<IMigrationsSqlGenerator>().Generate(indexMigration.UpOperations);
            sql = string.Join("\n", commands.Select(command => command.CommandText));
            suppressed = commands.Count == 1 && commands[0].TransactionSuppressed;
        }

        await using var writerA = new NpgsqlConnection(connectionString);
        await writerA.OpenAsync(token);
        await using var transactionA = await writerA.BeginTransactionAsync(token);
        await PostgresServer.ExecuteAsync(writerA, """INSERT INTO "Orders" ("CustomerId") VALUES (7)""", token);

        await using var migrating = createContext(connectionString);
        var migration = migrating.GetService<IMigrator>().MigrateAsync(runTo, token);

        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync(token);
        await WaitUntilStatementWaitsAsync(observer, migration, statement, token);

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

        var valid = await PostgresServer.ScalarAsync<bool?>(
            observer,
            """SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'IX_Orders_CustomerId'""",
            token);
        return new Outcome(secondSucceeded, secondError, valid is not null, valid == true, sql, suppressed);
    }

    /// <summary>Polls pg_stat_activity until the index statement is waiting on a lock (writer A's transaction).</summary>
    private static async Task WaitUntilStatementWaitsAsync(NpgsqlConnection observer, Task migration, string statement, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (migration.IsCompleted)
            {
                await migration; // surfaces a failure of the migration itself
                throw new InvalidOperationException("the migration finished without waiting for the open write transaction");
            }

            await using var command = new NpgsqlCommand(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%' || @statement || '%'
                """,
                observer);
            command.Parameters.AddWithValue("statement", statement);
            var waiting = (long)(await command.ExecuteScalarAsync(token))!;
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(50, token);
        }

        throw new TimeoutException("the " + statement + " statement never started waiting on the open write transaction");
    }
}

/// <summary>PostgreSQL tests run one at a time: they measure locking, and share one server.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
