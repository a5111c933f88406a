using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Infrastructure;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// What MIG1170 claims, run on PostgreSQL against a table with rows: VACUUM FULL and CLUSTER rewrite the table (its
/// relfilenode changes), VACUUM FULL fails inside a transaction block (as a migration's transaction is), and plain VACUUM
/// leaves the table's file alone.
/// </summary>
[Collection(PostgresCollection.Name)]
public class TableMaintenanceOnPostgresTests
{
    [SkippableFact]
    public async Task MIG1170_VACUUM_FULL_and_CLUSTER_rewrite_the_table_and_plain_VACUUM_does_not()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var connection = await OrdersAsync("mig1170_rewrite");

        Assert.True(await RewritesAsync(connection, "VACUUM FULL \"Orders\""));
        Assert.True(await RewritesAsync(connection, "CLUSTER \"Orders\" USING \"IX_Orders_PlacedAt\""));
        Assert.False(await RewritesAsync(connection, "VACUUM ANALYZE \"Orders\""));
        Assert.Equal(300L, await PostgresServer.ScalarAsync<long>(connection, "SELECT count(*) FROM \"Orders\"", CancellationToken.None));
    }

    [SkippableFact]
    public async Task MIG1170_VACUUM_FULL_fails_inside_a_transaction()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var connection = await OrdersAsync("mig1170_transaction");
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("VACUUM FULL \"Orders\"", connection, transaction);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.ActiveSqlTransaction, error.SqlState);
    }

    private static async Task<NpgsqlConnection> OrdersAsync(string database)
    {
        var cancellation = CancellationToken.None;
        var connection = new NpgsqlConnection(await PostgresServer.CreateDatabaseAsync(database, cancellation));
        await connection.OpenAsync(cancellation);
        await PostgresServer.ExecuteAsync(connection, "CREATE TABLE \"Orders\" (\"Id\" integer PRIMARY KEY, \"PlacedAt\" timestamptz NOT NULL)", cancellation);
        await PostgresServer.ExecuteAsync(connection, "CREATE INDEX \"IX_Orders_PlacedAt\" ON \"Orders\" (\"PlacedAt\")", cancellation);
        await PostgresServer.ExecuteAsync(connection, "INSERT INTO \"Orders\" SELECT i, now() - i * interval '1 minute' FROM generate_series(1, 300) AS i", cancellation);
        return connection;
    }

    private static async Task<bool> RewritesAsync(NpgsqlConnection connection, string sql)
    {
        const string FileNode = "SELECT relfilenode FROM pg_class WHERE relname = 'Orders'";
        var before = await PostgresServer.ScalarAsync<uint>(connection, FileNode, CancellationToken.None);
        await PostgresServer.ExecuteAsync(connection, sql, CancellationToken.None);
        return before != await PostgresServer.ScalarAsync<uint>(connection, FileNode, CancellationToken.None);
    }
}
