using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Tests.Execution.Postgres;
using MigrationAnalyzers.Tests.Infrastructure;
using Npgsql;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// The PostgreSQL row of <see cref="ProviderBehaviour"/>, by running the SQL Npgsql's provider generates on a table
/// that already holds rows. What a statement rewrites is read from the table's file node (<c>pg_relation_filenode</c>):
/// a rewrite gives the table a new file, a catalogue change keeps it. Index locking is proven by
/// <see cref="ConcurrentIndexOnPostgresTests"/>.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ProviderBehaviourOnPostgresTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>ProviderBehaviour.PostgreSql.FillsNullsWhenMadeRequiredWithDefault: UPDATE … WHERE IS NULL, then SET NOT NULL.</summary>
    [SkippableFact]
    public async Task Making_a_column_required_with_a_default_fills_the_nulls()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var connection = await WidgetsAsync("provider_fills_nulls");

        await MigrateAsync(connection, ProviderOperations.MakeQuantityRequired(0));

        Assert.True(ProviderBehaviour.PostgreSql.FillsNullsWhenMadeRequiredWithDefault());
        Assert.Equal(0L, await ScalarAsync<long>(connection, """SELECT count(*) FROM "Widgets" WHERE "Quantity" IS NULL"""));
        Assert.Equal(1L, await ScalarAsync<long>(connection, """SELECT count(*) FROM "Widgets" WHERE "Quantity" = 0"""));
        Assert.True(await ScalarAsync<bool>(connection, """SELECT attnotnull FROM pg_attribute WHERE attrelid = '"Widgets"'::regclass AND attname = 'Quantity'"""));
    }

    /// <summary>
    /// ProviderBehaviour.PostgreSql.MakeRequired (ScanUnderExclusiveLock): SET NOT NULL holds ACCESS EXCLUSIVE, so a
    /// reader waits, and it checks every row: a NULL makes it fail.
    /// </summary>
    [SkippableFact]
    public async Task Set_not_null_takes_an_access_exclusive_lock_and_checks_every_row()
    {
        PostgresServer.SkipUnlessAvailable();
        using var timeout = new CancellationTokenSource(Bound);
        var token = timeout.Token;
        await using var connection = await WidgetsAsync("provider_set_not_null");

        var scan = await Assert.ThrowsAsync<PostgresException>(() => MigrateAsync(connection, ProviderOperations.MakeQuantityRequired(null)));
        Assert.Equal(PostgresErrorCodes.NotNullViolation, scan.SqlState);

        await PostgresServer.ExecuteAsync(connection, """UPDATE "Widgets" SET "Quantity" = 1 WHERE "Quantity" IS NULL""", token);
        await using var transaction = await connection.BeginTransactionAsync(token);
        await MigrateAsync(connection, ProviderOperations.MakeQuantityRequired(null));
        var modes = await ScalarAsync<string>(
            connection,
            """SELECT string_agg(mode, ',' ORDER BY mode) FROM pg_locks WHERE relation = '"Widgets"'::regclass AND pid = pg_backend_pid() AND granted""");
        Assert.Contains("AccessExclusiveLock", modes, StringComparison.Ordinal);

        await using (var reader = new NpgsqlConnection(connection.ConnectionString))
        {
            await reader.OpenAsync(token);
            await PostgresServer.ExecuteAsync(reader, "SET lock_timeout = '1s'", token);
            var blocked = await Assert.ThrowsAsync<PostgresException>(() => PostgresServer.ExecuteAsync(reader, """SELECT count(*) FROM "Widgets" """, token));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, blocked.SqlState);
        }

        await transaction.CommitAsync(token);
        Assert.Equal(RequiredChangeCost.ScanUnderExclusiveLock, ProviderBehaviour.PostgreSql.MakeRequired);
    }

    /// <summary>
    /// ProviderBehaviour.PostgreSql.VarcharGrowth (InPlace) and VarcharGrowthCopiesAcrossBytes (null): a longer
    /// character varying keeps the table's file, even across 255 bytes.
    /// </summary>
    [SkippableFact]
    public async Task Longer_varchar_keeps_the_table_in_place()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var connection = await WidgetsAsync("provider_varchar_growth");

        var before = await FileNodeAsync(connection, "Widgets");
        await MigrateAsync(connection, ProviderOperations.GrowName(50, 100));
        await MigrateAsync(connection, ProviderOperations.GrowName(100, 300));

        Assert.Equal(before, await FileNodeAsync(connection, "Widgets"));
        Assert.Equal(VarcharGrowthCost.InPlace, ProviderBehaviour.PostgreSql.VarcharGrowth);
        Assert.Null(ProviderBehaviour.PostgreSql.VarcharGrowthCopiesAcrossBytes);
        Assert.Equal("character varying(300)", await ScalarAsync<string>(connection, """SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"Widgets"'::regclass AND attname = 'Name'"""));
    }

    /// <summary>
    /// ProviderBehaviour.PostgreSql.TimestampToTimestampTzInPlaceFromServerMajor (12): the same statement keeps the
    /// table's file when the session time zone is UTC, and rewrites the table under any other time zone.
    /// </summary>
    [SkippableFact]
    public async Task Timestamp_to_timestamptz_is_in_place_only_when_the_session_time_zone_is_UTC()
    {
        PostgresServer.SkipUnlessAvailable();
        using var timeout = new CancellationTokenSource(Bound);
        await using var connection = await WidgetsAsync("provider_timestamptz");
        var serverMajor = connection.PostgreSqlVersion.Major;
        Assert.True(serverMajor >= ProviderBehaviour.PostgreSql.TimestampToTimestampTzInPlaceFromServerMajor);

        await PostgresServer.ExecuteAsync(connection, "SET TimeZone = 'UTC'", timeout.Token);
        var before = await FileNodeAsync(connection, "Widgets");
        await MigrateAsync(connection, ProviderOperations.AtToTimestampTz());
        Assert.Equal(before, await FileNodeAsync(connection, "Widgets"));
        Assert.True(ProviderBehaviour.PostgreSql.TimestampToTimestampTzIsInPlace(new Version(serverMajor, 0)));

        await PostgresServer.ExecuteAsync(connection, """ALTER TABLE "Widgets" ALTER COLUMN "At" TYPE timestamp without time zone""", timeout.Token);
        await PostgresServer.ExecuteAsync(connection, "SET TimeZone = 'Europe/Paris'", timeout.Token);
        before = await FileNodeAsync(connection, "Widgets");
        await MigrateAsync(connection, ProviderOperations.AtToTimestampTz());
        Assert.NotEqual(before, await FileNodeAsync(connection, "Widgets"));
    }

    /// <summary>ProviderBehaviour.PostgreSql.RenamesInPlace: RENAME COLUMN and RENAME TO keep the table's file.</summary>
    [SkippableFact]
    public async Task Renames_keep_the_table_in_place()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var connection = await WidgetsAsync("provider_renames");

        var before = await FileNodeAsync(connection, "Widgets");
        await MigrateAsync(connection, ProviderOperations.RenameQuantity());
        await MigrateAsync(connection, ProviderOperations.RenameWidgets());

        Assert.Equal(before, await FileNodeAsync(connection, "Gadgets"));
        Assert.True(ProviderBehaviour.PostgreSql.RenamesInPlace);
        Assert.Equal(1L, await ScalarAsync<long>(connection, """SELECT count(*) FROM "Gadgets" WHERE "Amount" = 5"""));
    }

    /// <summary>
    /// ProviderBehaviour.PostgreSql.AddsConstantDefaultInPlace / ConstantDefaultInPlaceFromServer (11): Npgsql's
    /// <c>ADD … NOT NULL DEFAULT 0</c> on a table with rows keeps the table's file, the existing rows read the default
    /// (kept once in the catalogue, <c>atthasmissing</c>), and so does a stable default (<c>now()</c>); a volatile
    /// default (<c>random()</c>) has to be computed per row and gives the table a new file.
    /// </summary>
    [SkippableFact]
    public async Task Adding_a_column_with_a_constant_default_keeps_the_table_in_place_and_a_volatile_one_rewrites_it()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var connection = await WidgetsAsync("provider_constant_default");
        var server = connection.PostgreSqlVersion;
        Assert.True(ProviderBehaviour.PostgreSql.AddsConstantDefaultInPlace(server), $"the server is PostgreSQL {server}, older than the fact");

        var before = await FileNodeAsync(connection, "Widgets");
        await MigrateAsync(connection, ProviderOperations.AddRequiredNumber("Stock", defaultValue: 0));
        await MigrateAsync(connection, ProviderOperations.AddRequiredNumber("Year", defaultValueSql: "extract(year from now())::integer"));
        Assert.Equal(before, await FileNodeAsync(connection, "Widgets"));
        Assert.Equal(2L, await ScalarAsync<long>(connection, """SELECT count(*) FROM "Widgets" WHERE "Stock" = 0 AND "Year" >= 2024"""));
        Assert.True(await ScalarAsync<bool>(connection, """SELECT atthasmissing FROM pg_attribute WHERE attrelid = '"Widgets"'::regclass AND attname = 'Stock'"""));

        await MigrateAsync(connection, ProviderOperations.AddRequiredNumber("Draw", defaultValueSql: "floor(random() * 1000)::integer"));
        Assert.NotEqual(before, await FileNodeAsync(connection, "Widgets"));
        Assert.Equal(2L, await ScalarAsync<long>(connection, """SELECT count(*) FROM "Widgets" WHERE "Draw" BETWEEN 0 AND 999"""));
    }

    /// <summary>
    /// ProviderBehaviour.PostgreSql.SetNotNullUsesValidatedCheck / SetNotNullUsesValidatedCheckFromServer (12): what
    /// ALTER TABLE does is read from the server's own DEBUG1 messages (<c>client_min_messages = debug1</c>). Npgsql's
    /// <c>SET NOT NULL</c> verifies the table without a check, and with a check still NOT VALID; after
    /// <c>VALIDATE CONSTRAINT</c> (which holds SHARE UPDATE EXCLUSIVE, not ACCESS EXCLUSIVE) it says the existing
    /// constraints prove there are no NULLs and verifies nothing — unless the check is dropped in the same ALTER TABLE.
    /// </summary>
    [SkippableFact]
    public async Task Set_not_null_skips_its_scan_after_a_validated_check()
    {
        PostgresServer.SkipUnlessAvailable();
        using var timeout = new CancellationTokenSource(Bound);
        var token = timeout.Token;
        await using var connection = await WidgetsAsync("provider_not_null_from_check");
        var server = connection.PostgreSqlVersion;
        Assert.True(ProviderBehaviour.PostgreSql.SetNotNullUsesValidatedCheck(server), $"the server is PostgreSQL {server}, older than the fact");

        var messages = new List<string>();
        connection.Notice += (_, e) =>
        {
            lock (messages)
            {
                messages.Add(e.Notice.Severity + ": " + e.Notice.MessageText);
            }
        };
        async Task<string[]> MessagesOfAsync(Func<Task> statement)
        {
            lock (messages)
            {
                messages.Clear();
            }

            await statement();
            lock (messages)
            {
                return messages.ToArray();
            }
        }

        const string Verifies = "verifying table \"Widgets\"";
        const string Proven = "are sufficient to prove that it does not contain nulls";
        await PostgresServer.ExecuteAsync(connection, """UPDATE "Widgets" SET "Quantity" = 1 WHERE "Quantity" IS NULL""", token);
        await PostgresServer.ExecuteAsync(connection, "SET client_min_messages = debug1", token);

        // No check: SET NOT NULL scans.
        var plain = await MessagesOfAsync(() => MigrateAsync(connection, ProviderOperations.MakeQuantityRequired(null)));
        Assert.Contains(plain, message => message.Contains(Verifies, StringComparison.Ordinal));
        Assert.DoesNotContain(plain, message => message.Contains(Proven, StringComparison.Ordinal));
        await PostgresServer.ExecuteAsync(connection, """ALTER TABLE "Widgets" ALTER COLUMN "Quantity" DROP NOT NULL""", token);

        // A check added NOT VALID proves nothing yet: SET NOT NULL still scans.
        await PostgresServer.ExecuteAsync(connection, """ALTER TABLE "Widgets" ADD CONSTRAINT "CK_Widgets_Quantity_NotNull" CHECK ("Quantity" IS NOT NULL) NOT VALID""", token);
        var notValid = await MessagesOfAsync(() => MigrateAsync(connection, ProviderOperations.MakeQuantityRequired(null)));
        Assert.Contains(notValid, message => message.Contains(Verifies, StringComparison.Ordinal));
        Assert.DoesNotContain(notValid, message => message.Contains(Proven, StringComparison.Ordinal));
        await PostgresServer.ExecuteAsync(connection, """ALTER TABLE "Widgets" ALTER COLUMN "Quantity" DROP NOT NULL""", token);

        // VALIDATE CONSTRAINT does the scan, under a lock that lets reads and writes through.
        await using (var transaction = await connection.BeginTransactionAsync(token))
        {
            var validate = await MessagesOfAsync(() => PostgresServer.ExecuteAsync(connection, """ALTER TABLE "Widgets" VALIDATE CONSTRAINT "CK_Widgets_Quantity_NotNull" """, token));
            Assert.Contains(validate, message => message.Contains(Verifies, StringComparison.Ordinal));
            var modes = await ScalarAsync<string>(
                connection,
                """SELECT string_agg(mode, ',' ORDER BY mode) FROM pg_locks WHERE relation = '"Widgets"'::regclass AND pid = pg_backend_pid() AND granted""");
            Assert.Contains("ShareUpdateExclusiveLock", modes, StringComparison.Ordinal);
            Assert.DoesNotContain("AccessExclusiveLock", modes, StringComparison.Ordinal);
            await transaction.CommitAsync(token);
        }

        // The validated check: SET NOT NULL trusts it and verifies nothing.
        var validated = await MessagesOfAsync(() => MigrateAsync(connection, ProviderOperations.MakeQuantityRequired(null)));
        Assert.Contains(validated, message => message.Contains(Proven, StringComparison.Ordinal) && message.Contains("Quantity", StringComparison.Ordinal));
        Assert.DoesNotContain(validated, message => message.Contains(Verifies, StringComparison.Ordinal));
        Assert.True(await ScalarAsync<bool>(connection, """SELECT attnotnull FROM pg_attribute WHERE attrelid = '"Widgets"'::regclass AND attname = 'Quantity'"""));

        // The check is dropped afterwards, in a statement of its own: dropped in the same ALTER TABLE, it no longer proves anything.
        await PostgresServer.ExecuteAsync(connection, """ALTER TABLE "Widgets" ALTER COLUMN "Quantity" DROP NOT NULL""", token);
        var droppedTogether = await MessagesOfAsync(() => PostgresServer.ExecuteAsync(
            connection, """ALTER TABLE "Widgets" ALTER COLUMN "Quantity" SET NOT NULL, DROP CONSTRAINT "CK_Widgets_Quantity_NotNull" """, token));
        Assert.Contains(droppedTogether, message => message.Contains(Verifies, StringComparison.Ordinal));
    }

    /// <summary>A fresh database with the table Npgsql creates for ProviderOperations.Widget, holding a few rows (one NULL Quantity).</summary>
    private static async Task<NpgsqlConnection> WidgetsAsync(string database)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var connectionString = await PostgresServer.CreateDatabaseAsync(database, timeout.Token);
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(timeout.Token);
        await PostgresServer.ExecuteAsync(
            connection,
            """
            CREATE TABLE "Widgets" (
                "Id" integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                "Quantity" integer NULL,
                "Name" character varying(50) NULL,
                "At" timestamp without time zone NOT NULL);
            INSERT INTO "Widgets" ("Quantity", "Name", "At") VALUES (NULL, 'a', '2024-01-01'), (5, 'b', '2024-01-02');
            """,
            timeout.Token);
        return connection;
    }

    private static async Task MigrateAsync(NpgsqlConnection connection, MigrationOperation operation)
    {
        foreach (var command in ProviderSql.Commands(DatabaseProvider.PostgreSql, new[] { operation }))
        {
            await PostgresServer.ExecuteAsync(connection, command.CommandText, CancellationToken.None);
        }
    }

    private static async Task<long> FileNodeAsync(NpgsqlConnection connection, string table)
        => await ScalarAsync<long>(connection, $"SELECT pg_relation_filenode('\"{table}\"'::regclass)::bigint");

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
        => (await PostgresServer.ScalarAsync<T>(connection, sql, CancellationToken.None))!;
}
