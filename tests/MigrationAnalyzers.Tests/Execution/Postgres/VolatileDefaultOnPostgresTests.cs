using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// MIG1140's fix on PostgreSQL with rows in the table, for EF Core and FluentMigrator, with two nullable columns whose
/// default is a new uuid: the original migration adds both without the default and sets it for new rows, the backfill
/// gives every existing row a value of its own, the columns end as the scaffolded migration leaves them (same
/// nullability, same default), Down of each step returns to the state before it, and every row survives.
/// </summary>
[Collection(PostgresCollection.Name)]
public class VolatileDefaultOnPostgresTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["migration_analyzers.target_database"] = "postgresql",
        ["migration_analyzers.deployment"] = "rolling",
    };

    private const string InitialId = "20240101000000_CreateShop";
    private const string AddIdsId = "20240201000000_AddOrderIds";

    private const string CreateShop = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class CreateShop : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Total = table.Column<decimal>(type: "numeric", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Orders");
                }
            }
        }
        """;

    private const string AddOrderIds = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddOrderIds : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<Guid>(
                        name: "PublicId",
                        table: "Orders",
                        type: "uuid",
                        nullable: true,
                        defaultValueSql: "gen_random_uuid()");

                    migrationBuilder.AddColumn<Guid>(
                        name: "TrackingId",
                        table: "Orders",
                        type: "uuid",
                        nullable: true,
                        defaultValueSql: "gen_random_uuid()");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "TrackingId", table: "Orders");
                    migrationBuilder.DropColumn(name: "PublicId", table: "Orders");
                }
            }
        }
        """;

    private const string Rows = """
        INSERT INTO "Orders" ("Id", "Total") VALUES (1, 20.5), (2, 180), (3, 99.9), (4, 0);
        """;

    private const string OrderRows = """SELECT "Id", "Total" FROM "Orders" ORDER BY "Id" """;

    private const string Columns = """
        SELECT column_name, is_nullable, column_default FROM information_schema.columns
        WHERE table_name = 'Orders' AND column_name IN ('PublicId', 'TrackingId') ORDER BY column_name
        """;

    /// <summary>Rows; rows with a PublicId, distinct ones; rows with a TrackingId, distinct ones.</summary>
    private const string Values = """
        SELECT count(*), count("PublicId"), count(DISTINCT "PublicId"), count("TrackingId"), count(DISTINCT "TrackingId") FROM "Orders"
        """;

    private static Dictionary<string, string> EfSources() => new()
    {
        [Sources.DbContextPath] = Sources.DbContext,
        [Sources.DesignerPath(InitialId)] = Sources.Designer("CreateShop", InitialId),
        [Sources.MigrationPath(InitialId)] = CreateShop,
        [Sources.DesignerPath(AddIdsId)] = Sources.Designer("AddOrderIds", AddIdsId),
        [Sources.MigrationPath(AddIdsId)] = AddOrderIds,
    };

    [SkippableTheory]
    [InlineData(VolatileDefaultCodeFix.NewFilesKey)]
    [InlineData(VolatileDefaultCodeFix.SameFileKey)]
    public async Task EfCore_columns_are_added_without_the_default_then_backfilled_with_rows_kept(string shape)
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = EfSources();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: shape, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1140");
        Assert.Equal(shape == VolatileDefaultCodeFix.NewFilesKey ? sources.Count + 1 : sources.Count, fixedSources.Count);

        // Orders has a one-column primary key: the backfill walks it in committed batches, outside the transaction.
        var fixedText = string.Join("\n", fixedSources.Values);
        Assert.Contains("COMMIT;", fixedText);
        Assert.Contains("suppressTransaction: true", fixedText);

        // The fix adds no MIG diagnostic: everything it reports afterwards it reported before, except the MIG1140s it fixed.
        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        Assert.Empty(after.Except(before));
        Assert.Equal(2, before.Count(d => d.StartsWith("MIG1140", StringComparison.Ordinal)));

        // What the scaffolded migration leaves: the columns the fixed migrations must end with.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var scaffoldedDb = await PostgresServer.CreateDatabaseAsync("mig1140_ef_scaffolded_" + shape.Length, timeout.Token);
        var scaffolded = new PostgresEfRunner(InMemoryCompiler.Compile(sources.Values), scaffoldedDb);
        scaffolded.MigrateTo(InitialId);
        await ExecuteAsync(scaffoldedDb, Rows);
        scaffolded.MigrateTo(AddIdsId);
        var expected = await PackageDiagnostics.RowsAsync(scaffoldedDb, Columns);
        Assert.Equal(new[] { "PublicId | YES | gen_random_uuid()", "TrackingId | YES | gen_random_uuid()" }, expected);

        var database = await PostgresServer.CreateDatabaseAsync("mig1140_ef_fixed_" + shape.Length, timeout.Token);
        var runner = new PostgresEfRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        Assert.Equal(3, runner.Migrations.Count);
        await StepsAsync(
            database,
            expected,
            step => runner.MigrateTo(step < 0 ? InitialId : runner.Migrations[step + 1]));
    }

    private const string FluentHistory = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(1)]
            public class CreateShop : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders")
                        .WithColumn("Id").AsInt32().PrimaryKey()
                        .WithColumn("Total").AsDecimal(10, 2).NotNullable();
                }

                public override void Down()
                {
                    Delete.Table("Orders");
                }
            }
        }
        """;

    private const string FluentAddIds = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(2)]
            public class AddOrderIds : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders")
                        .AddColumn("PublicId").AsGuid().Nullable().WithDefault(SystemMethods.NewGuid);
                    Alter.Table("Orders")
                        .AddColumn("TrackingId").AsGuid().Nullable()
                        .WithDefault(SystemMethods.NewGuid);
                }

                public override void Down()
                {
                    Delete.Column("TrackingId").FromTable("Orders");
                    Delete.Column("PublicId").FromTable("Orders");
                }
            }
        }
        """;

    /// <summary>
    /// The backfill commits every 10,000 rows: rows updated by one transaction share its <c>xmin</c>, so 25,000 rows
    /// filled in batches carry three of them (one UPDATE would leave one); ids with gaps are walked by key, not by count.
    /// </summary>
    [SkippableFact]
    public async Task EfCore_backfill_commits_in_batches_of_10000_rows_walking_the_primary_key()
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = EfSources();
        var (fixedSources, _) = await CodeFixApplier.ApplyAsync(
            new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: VolatileDefaultCodeFix.SameFileKey, settings: Settings);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var database = await PostgresServer.CreateDatabaseAsync("mig1140_ef_batches", timeout.Token);
        var runner = new PostgresEfRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        runner.MigrateTo(InitialId);
        await ExecuteAsync(database, """INSERT INTO "Orders" ("Id", "Total") SELECT i * 3, i FROM generate_series(1, 25000) AS i""");
        runner.MigrateTo(runner.Migrations[1]);
        Assert.Equal(new[] { "25000 | 0 | 0 | 0 | 0" }, await PackageDiagnostics.RowsAsync(database, Values));

        runner.MigrateTo(runner.Migrations[2]);
        Assert.Equal(new[] { "25000 | 25000 | 25000 | 25000 | 25000" }, await PackageDiagnostics.RowsAsync(database, Values));
        Assert.Equal(new[] { "3" }, await PackageDiagnostics.RowsAsync(database, """SELECT count(DISTINCT xmin::text) FROM "Orders" """));
        Assert.Equal(new[] { "25000" }, await PackageDiagnostics.RowsAsync(database, """SELECT count(*) FROM "Orders" WHERE "Total" * 3 = "Id" """));
    }

    [SkippableTheory]
    [InlineData(VolatileDefaultCodeFix.NewFilesKey)]
    [InlineData(VolatileDefaultCodeFix.SameFileKey)]
    public async Task FluentMigrator_columns_are_added_without_the_default_then_backfilled_with_rows_kept(string shape)
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = new Dictionary<string, string>
        {
            ["/0/Migrations/0001_CreateShop.cs"] = FluentHistory,
            ["/0/Migrations/0002_AddOrderIds.cs"] = FluentAddIds,
        };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: shape, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1140");
        Assert.Contains("[Migration(3, TransactionBehavior.None)]", string.Join("\n", fixedSources.Values));
        Assert.Contains("COMMIT;", string.Join("\n", fixedSources.Values));

        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        Assert.Empty(after.Except(before));

        // FluentMigrator's Postgres generator writes SystemMethods.NewGuid as uuid_generate_v4(), from uuid-ossp.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var scaffoldedDb = await PostgresServer.CreateDatabaseAsync("mig1140_fm_scaffolded_" + shape.Length, timeout.Token);
        await ExecuteAsync(scaffoldedDb, """CREATE EXTENSION IF NOT EXISTS "uuid-ossp";""");
        using (var scaffolded = new PostgresFluentRunner(InMemoryCompiler.Compile(sources.Values), scaffoldedDb))
        {
            scaffolded.MigrateUp(1);
            await ExecuteAsync(scaffoldedDb, Rows);
            scaffolded.MigrateUp(2);
        }

        var expected = await PackageDiagnostics.RowsAsync(scaffoldedDb, Columns);
        Assert.Equal(new[] { "PublicId | YES | uuid_generate_v4()", "TrackingId | YES | uuid_generate_v4()" }, expected);

        var database = await PostgresServer.CreateDatabaseAsync("mig1140_fm_fixed_" + shape.Length, timeout.Token);
        await ExecuteAsync(database, """CREATE EXTENSION IF NOT EXISTS "uuid-ossp";""");
        using var runner = new PostgresFluentRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        Assert.Equal(new long[] { 1, 2, 3 }, runner.Migrations);
        var current = 0L;
        await StepsAsync(
            database,
            expected,
            step =>
            {
                // Step -1 is the first migration; steps 0 and 1 are the original and the backfill the fix added.
                var target = step + 2L;
                if (target > current)
                {
                    runner.MigrateUp(target);
                }
                else
                {
                    runner.MigrateDown(target);
                }

                current = target;
            });
    }

    private const string FluentAddStamps = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(2)]
            public class AddOrderStamps : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders").AddColumn("PublicId").AsGuid().Nullable().WithDefault(SystemMethods.NewGuid);
                    Alter.Table("Orders").AddColumn("TraceId").AsGuid().Nullable().WithDefault(SystemMethods.NewSequentialId);
                    Alter.Table("Orders").AddColumn("SeenAt").AsDateTime().Nullable().WithDefault(SystemMethods.CurrentDateTime);
                    Alter.Table("Orders").AddColumn("SeenAtUtc").AsDateTime().Nullable().WithDefault(SystemMethods.CurrentUTCDateTime);
                }

                public override void Down()
                {
                    Delete.Column("SeenAtUtc").FromTable("Orders");
                    Delete.Column("SeenAt").FromTable("Orders");
                    Delete.Column("TraceId").FromTable("Orders");
                    Delete.Column("PublicId").FromTable("Orders");
                }
            }
        }
        """;

    // Every SystemMethods member the fix writes as SQL, against what FluentMigrator's Postgres generator writes for it:
    // the same column defaults after the fixed migrations as after the unfixed one (before PostgreSQL 11 the stable
    // now() rewrites the table too, so the setting says 10; the server running the test is newer, which changes nothing here).
    [SkippableFact]
    public async Task FluentMigrator_system_methods_become_the_defaults_its_generator_writes()
    {
        PostgresServer.SkipUnlessAvailable();
        var settings = new Dictionary<string, string>(Settings) { ["migration_analyzers.database_version"] = "postgresql 10" };
        var sources = new Dictionary<string, string>
        {
            ["/0/Migrations/0001_CreateShop.cs"] = FluentHistory,
            ["/0/Migrations/0002_AddOrderStamps.cs"] = FluentAddStamps,
        };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: VolatileDefaultCodeFix.SameFileKey, settings: settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1140");

        const string defaults = """
            SELECT column_name, is_nullable, column_default FROM information_schema.columns
            WHERE table_name = 'Orders' AND column_default IS NOT NULL ORDER BY column_name
            """;
        const string filled = """SELECT count(*), count("PublicId"), count("TraceId"), count("SeenAt"), count("SeenAtUtc") FROM "Orders" """;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var scaffoldedDb = await PostgresServer.CreateDatabaseAsync("mig1140_fm_methods_scaffolded", timeout.Token);
        await ExecuteAsync(scaffoldedDb, """CREATE EXTENSION IF NOT EXISTS "uuid-ossp";""");
        using (var scaffolded = new PostgresFluentRunner(InMemoryCompiler.Compile(sources.Values), scaffoldedDb))
        {
            scaffolded.MigrateUp(1);
            await ExecuteAsync(scaffoldedDb, Rows);
            scaffolded.MigrateUp(2);
        }

        var expected = await PackageDiagnostics.RowsAsync(scaffoldedDb, defaults);
        Assert.Equal(4, expected.Count);

        var database = await PostgresServer.CreateDatabaseAsync("mig1140_fm_methods_fixed", timeout.Token);
        await ExecuteAsync(database, """CREATE EXTENSION IF NOT EXISTS "uuid-ossp";""");
        using var runner = new PostgresFluentRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        runner.MigrateUp(1);
        await ExecuteAsync(database, Rows);
        runner.MigrateUp(2);
        Assert.Equal(expected, await PackageDiagnostics.RowsAsync(database, defaults));
        Assert.Equal(new[] { "4 | 0 | 0 | 0 | 0" }, await PackageDiagnostics.RowsAsync(database, filled));
        runner.MigrateUp(3);
        Assert.Equal(new[] { "4 | 4 | 4 | 4 | 4" }, await PackageDiagnostics.RowsAsync(database, filled));
        runner.MigrateDown(1);
        Assert.Empty(await PackageDiagnostics.RowsAsync(database, defaults));
    }

    /// <summary>
    /// Runs the fixed history step by step with rows in the table; <paramref name="migrateTo"/> goes to the state after
    /// step -1 (the table created), 0 (the original migration) or 1 (the backfill).
    /// </summary>
    private static async Task StepsAsync(string database, IReadOnlyList<string> expected, Action<int> migrateTo)
    {
        migrateTo(-1);
        await ExecuteAsync(database, Rows);

        // The original: the columns as the scaffolded migration leaves them; existing rows have no value yet, a new row gets one.
        migrateTo(0);
        Assert.Equal(expected, await PackageDiagnostics.RowsAsync(database, Columns));
        Assert.Equal(new[] { "4 | 0 | 0 | 0 | 0" }, await PackageDiagnostics.RowsAsync(database, Values));
        await ExecuteAsync(database, """INSERT INTO "Orders" ("Id", "Total") VALUES (10, 5)""");
        Assert.Equal(new[] { "5 | 1 | 1 | 1 | 1" }, await PackageDiagnostics.RowsAsync(database, Values));

        // The backfill: every row has a value of its own; new rows still get the default.
        migrateTo(1);
        Assert.Equal(new[] { "5 | 5 | 5 | 5 | 5" }, await PackageDiagnostics.RowsAsync(database, Values));
        Assert.Equal(expected, await PackageDiagnostics.RowsAsync(database, Columns));
        await ExecuteAsync(database, """INSERT INTO "Orders" ("Id", "Total") VALUES (11, 6)""");
        Assert.Equal(new[] { "6 | 6 | 6 | 6 | 6" }, await PackageDiagnostics.RowsAsync(database, Values));
        var rows = await PackageDiagnostics.RowsAsync(database, OrderRows);
        Assert.Equal(6, rows.Count);

        // Down of the backfill keeps the values (the rows had none before only because the column was new); Down of
        // the original drops the columns and their defaults; the rows stay.
        migrateTo(0);
        Assert.Equal(expected, await PackageDiagnostics.RowsAsync(database, Columns));
        Assert.Equal(new[] { "6 | 6 | 6 | 6 | 6" }, await PackageDiagnostics.RowsAsync(database, Values));
        migrateTo(-1);
        Assert.Empty(await PackageDiagnostics.RowsAsync(database, Columns));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, OrderRows));

        // And up again: the fixed history runs a second time over the same rows.
        migrateTo(1);
        Assert.Equal(new[] { "6 | 6 | 6 | 6 | 6" }, await PackageDiagnostics.RowsAsync(database, Values));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await PostgresServer.ExecuteAsync(connection, sql, CancellationToken.None);
    }
}
