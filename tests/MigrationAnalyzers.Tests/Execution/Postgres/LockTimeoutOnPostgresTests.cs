using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Rules.Migrations;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// MIG1193's fix on PostgreSQL, for EF Core (8, with Npgsql) and FluentMigrator's runner: while another transaction holds
/// a lock on the table (an open transaction that read it), the fixed migration fails within its lock_timeout with
/// 55P03 and leaves nothing behind (its transaction rolls back, the history does not record it), where the scaffolded
/// migration keeps waiting past that time; once the table is free, the fixed migration runs and every row is kept.
/// That SET LOCAL bounds the DDL at all shows that both frameworks run the SET and the DDL in one transaction.
/// </summary>
[Collection(PostgresCollection.Name)]
public class LockTimeoutOnPostgresTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["migration_analyzers.target_database"] = "postgresql",
        ["migration_analyzers.deployment"] = "rolling",
    };

    private const string CreateId = "20240101000000_CreateOrders";
    private const string NoteId = "20240901090000_AddOrderNote";

    private const string CreateUp = """
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<long>(type: "bigint", nullable: false),
                            Total = table.Column<decimal>(type: "numeric", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
        """;

    private const string Rows = """INSERT INTO "Orders" ("Id", "Total") SELECT g, g * 1.5 FROM generate_series(1, 500) AS g""";

    private const string Holder = """SELECT count(*) FROM "Orders" """;

    private static Dictionary<string, string> EfSources() => new()
    {
        [Sources.DbContextPath] = Sources.DbContext,
        [Sources.DesignerPath(CreateId)] = Sources.Designer("CreateOrders", CreateId),
        [Sources.MigrationPath(CreateId)] = EfMigrationSources.Migration("CreateOrders", CreateUp, """            migrationBuilder.DropTable(name: "Orders");"""),
        [Sources.DesignerPath(NoteId)] = Sources.Designer("AddOrderNote", NoteId),
        [Sources.MigrationPath(NoteId)] = EfMigrationSources.Migration(
            "AddOrderNote",
            LockingDdlWithoutLockTimeoutAnalyzerTests.Up.Replace("{|#0:", string.Empty).Replace("|}", string.Empty),
            """            migrationBuilder.DropColumn(name: "Note", table: "Orders");"""),
    };

    [SkippableFact]
    public async Task EfCore_fixed_migration_fails_fast_on_a_held_table_and_runs_once_it_is_free()
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = EfSources();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new LockingDdlWithoutLockTimeoutAnalyzer(), new LockTimeoutCodeFix(), sources.Select(p => (p.Key, p.Value)), settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1193");
        Assert.Contains(
            Normalize(LockingDdlWithoutLockTimeoutAnalyzerTests.FixedUp),
            Normalize(fixedSources[Sources.MigrationPath(NoteId)]),
            StringComparison.Ordinal);

        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        Assert.Empty(after.Except(before));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;

        // Scaffolded: the ALTER TABLE waits as long as the reader's transaction stays open.
        var scaffoldedDb = await PostgresServer.CreateDatabaseAsync("mig1193_ef_scaffolded", token);
        var scaffolded = new PostgresEfRunner(InMemoryCompiler.Compile(sources.Values), scaffoldedDb);
        scaffolded.MigrateTo(CreateId);
        await ExecuteAsync(scaffoldedDb, Rows, token);
        await using (var reader = await HoldAsync(scaffoldedDb, token))
        {
            var waiting = Task.Run(() => scaffolded.MigrateTo(NoteId), token);
            var finished = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(8), token));
            Assert.NotSame(waiting, finished);
            await reader.DisposeAsync();
            await waiting.WaitAsync(token);
        }

        // Fixed: the same wait ends after lock_timeout with 55P03 and rolls the whole migration back.
        var database = await PostgresServer.CreateDatabaseAsync("mig1193_ef_fixed", token);
        var runner = new PostgresEfRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        runner.MigrateTo(CreateId);
        await ExecuteAsync(database, Rows, token);
        var rows = await PackageDiagnostics.RowsAsync(database, """SELECT "Id", "Total" FROM "Orders" ORDER BY "Id" """);
        await using (var reader = await HoldAsync(database, token))
        {
            var clock = Stopwatch.StartNew();
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => runner.MigrateTo(NoteId), token));
            clock.Stop();
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, Postgres(failure)?.SqlState);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));
        }

        Assert.Empty(await PackageDiagnostics.RowsAsync(database, NoteColumn));
        Assert.Equal(new[] { CreateId }, await PackageDiagnostics.RowsAsync(database, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));

        runner.MigrateTo(NoteId);
        Assert.Single(await PackageDiagnostics.RowsAsync(database, NoteColumn));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, """SELECT "Id", "Total" FROM "Orders" ORDER BY "Id" """));
    }

    private const string FluentCreate = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(1)]
            public class CreateOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("orders")
                        .WithColumn("id").AsInt64().PrimaryKey()
                        .WithColumn("total").AsDecimal(10, 2).NotNullable();
                }

                public override void Down()
                {
                    Delete.Table("orders");
                }
            }
        }
        """;

    private static string FluentNote(string up) => SchemaSafetySources.FmMigration("AddOrderNote", 90, up, """
                    Delete.Index("ix_orders_note").OnTable("orders");
                    Delete.Column("note").FromTable("orders");
        """).Text;

    [SkippableFact]
    public async Task FluentMigrator_fixed_migration_fails_fast_on_a_held_table_and_runs_once_it_is_free()
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = new Dictionary<string, string>
        {
            ["/0/Migrations/0001_CreateOrders.cs"] = FluentCreate,
            ["/0/Migrations/0090_AddOrderNote.cs"] = FluentNote(LockingDdlWithoutLockTimeoutAnalyzerTests.FmUp.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)),
        };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new LockingDdlWithoutLockTimeoutAnalyzer(), new LockTimeoutCodeFix(), sources.Select(p => (p.Key, p.Value)), settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1193");
        Assert.Equal(Normalize(FluentNote(LockingDdlWithoutLockTimeoutAnalyzerTests.FmFixedUp)), Normalize(fixedSources["/0/Migrations/0090_AddOrderNote.cs"]));

        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        Assert.Empty(after.Except(before));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;
        var database = await PostgresServer.CreateDatabaseAsync("mig1193_fm_fixed", token);
        using var runner = new PostgresFluentRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        runner.MigrateUp(1);
        await ExecuteAsync(database, """INSERT INTO orders (id, total) SELECT g, g * 1.5 FROM generate_series(1, 500) AS g""", token);
        await using (var reader = await HoldAsync(database, token, """SELECT count(*) FROM orders"""))
        {
            var clock = Stopwatch.StartNew();
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => runner.MigrateUp(90), token));
            clock.Stop();
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, Postgres(failure)?.SqlState);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));
        }

        Assert.Empty(await PackageDiagnostics.RowsAsync(database, """SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'"""));
        runner.MigrateUp(90);
        Assert.Single(await PackageDiagnostics.RowsAsync(database, """SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'"""));
        Assert.Equal("500", Assert.Single(await PackageDiagnostics.RowsAsync(database, """SELECT count(*) FROM orders""")));
    }

    private const string NoteColumn = """SELECT 1 FROM information_schema.columns WHERE table_name = 'Orders' AND column_name = 'Note'""";

    /// <summary>An open transaction that has read the table: it holds ACCESS SHARE, which ALTER TABLE must wait for.</summary>
    private static async Task<NpgsqlConnection> HoldAsync(string connectionString, CancellationToken token, string query = Holder)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await PostgresServer.ExecuteAsync(connection, "BEGIN", token);
        await PostgresServer.ExecuteAsync(connection, query, token);
        return connection;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await PostgresServer.ExecuteAsync(connection, sql, token);
    }

    private static PostgresException? Postgres(Exception? exception)
    {
        while (exception is not null)
        {
            if (exception is PostgresException postgres)
            {
                return postgres;
            }

            exception = exception.InnerException;
        }

        return null;
    }

    private static string Normalize(string code) => System.Text.RegularExpressions.Regex.Replace(code, @"\s+", " ").Trim();
}
