using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// MIG1130's fix on PostgreSQL with rows in the table, for EF Core (unique constraint) and FluentMigrator (primary key):
/// the original migration builds the unique index concurrently, the migration the fix adds makes it the constraint,
/// which ends as the scaffolded migration leaves it (same name and definition, enforced), Down of each step returns to
/// the state before it, and every row survives. And while the concurrent build waits for a running write transaction,
/// another connection can still insert.
/// </summary>
[Collection(PostgresCollection.Name)]
public class UniqueConstraintUsingIndexOnPostgresTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["migration_analyzers.target_database"] = "postgresql",
        ["migration_analyzers.deployment"] = "rolling",
    };

    private const string InitialId = "20240101000000_CreateOrders";
    private const string KeyId = "20240201000000_AddOrderCodeKey";

    private const string CreateOrders = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class CreateOrders : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Code = table.Column<string>(type: "text", nullable: false)
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

    private const string AddOrderCodeKey = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddOrderCodeKey : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddUniqueConstraint(
                        name: "AK_Orders_Code",
                        table: "Orders",
                        column: "Code");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropUniqueConstraint(
                        name: "AK_Orders_Code",
                        table: "Orders");
                }
            }
        }
        """;

    private const string Rows = """INSERT INTO "Orders" ("Id", "Code") VALUES (1, 'A-1'), (2, 'B-2'), (3, 'C-3');""";

    private const string OrderRows = """SELECT "Id", "Code" FROM "Orders" ORDER BY "Id" """;

    private const string Constraints = """
        SELECT conname, contype, pg_get_constraintdef(oid), conindid::regclass::text FROM pg_constraint
        WHERE conrelid = '"Orders"'::regclass AND contype IN ('u', 'p') ORDER BY conname
        """;

    private const string Indexes = """
        SELECT indexrelid::regclass::text, indisunique, indisvalid, indisprimary, pg_get_indexdef(indexrelid) FROM pg_index
        WHERE indrelid = '"Orders"'::regclass ORDER BY 1
        """;

    private static Dictionary<string, string> EfSources() => new()
    {
        [Sources.DbContextPath] = Sources.DbContext,
        [Sources.DesignerPath(InitialId)] = Sources.Designer("CreateOrders", InitialId),
        [Sources.MigrationPath(InitialId)] = CreateOrders,
        [Sources.DesignerPath(KeyId)] = Sources.Designer("AddOrderCodeKey", KeyId),
        [Sources.MigrationPath(KeyId)] = AddOrderCodeKey,
    };

    private static async Task<IReadOnlyDictionary<string, string>> FixedEfSourcesAsync(string shape)
    {
        var sources = EfSources();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new UniqueConstraintWithoutIndexAnalyzer(), new UniqueConstraintUsingIndexCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: shape, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1130");
        Assert.Equal(shape == UniqueConstraintUsingIndexCodeFix.NewFilesKey ? sources.Count + 1 : sources.Count, fixedSources.Count);
        return fixedSources;
    }

    [SkippableTheory]
    [InlineData(UniqueConstraintUsingIndexCodeFix.NewFilesKey)]
    [InlineData(UniqueConstraintUsingIndexCodeFix.SameFileKey)]
    public async Task EfCore_unique_constraint_is_built_concurrently_then_added_using_the_index_with_rows_kept(string shape)
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = EfSources();
        var fixedSources = await FixedEfSourcesAsync(shape);
        var fixedText = string.Join("\n", fixedSources.Values);
        Assert.Contains("CREATE UNIQUE INDEX CONCURRENTLY", fixedText);
        Assert.Contains("UNIQUE USING INDEX", fixedText);

        // The fix adds no MIG diagnostic (MIG1181 and the snapshot included): everything it reports afterwards it reported before.
        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        AssertNothingNew(before, after, "AddOrderCodeKeyConstraint");
        Assert.Contains(before, d => d.StartsWith("MIG1130", StringComparison.Ordinal));

        // What the scaffolded migration leaves: the constraint and index the fixed ones must end with.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var scaffoldedDb = await PostgresServer.CreateDatabaseAsync("mig1130_ef_scaffolded_" + shape.Length, timeout.Token);
        var scaffolded = new PostgresEfRunner(InMemoryCompiler.Compile(sources.Values), scaffoldedDb);
        scaffolded.MigrateTo(InitialId);
        await ExecuteAsync(scaffoldedDb, Rows);
        var initialConstraints = await PackageDiagnostics.RowsAsync(scaffoldedDb, Constraints);
        var initialIndexes = await PackageDiagnostics.RowsAsync(scaffoldedDb, Indexes);
        scaffolded.MigrateTo(KeyId);
        var expectedConstraints = await PackageDiagnostics.RowsAsync(scaffoldedDb, Constraints);
        var expectedIndexes = await PackageDiagnostics.RowsAsync(scaffoldedDb, Indexes);
        Assert.Contains(expectedConstraints, row => row.StartsWith("AK_Orders_Code | u | UNIQUE (\"Code\")", StringComparison.Ordinal));

        var database = await PostgresServer.CreateDatabaseAsync("mig1130_ef_fixed_" + shape.Length, timeout.Token);
        var runner = new PostgresEfRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        Assert.Equal(3, runner.Migrations.Count);
        runner.MigrateTo(InitialId);
        await ExecuteAsync(database, Rows);
        var rows = await PackageDiagnostics.RowsAsync(database, OrderRows);
        Assert.Equal(3, rows.Count);

        // Step 1: a valid unique index, no constraint yet.
        runner.MigrateTo(KeyId);
        var indexOnly = await PackageDiagnostics.RowsAsync(database, Indexes);
        Assert.Equal(initialConstraints, await PackageDiagnostics.RowsAsync(database, Constraints));
        Assert.Contains("\"AK_Orders_Code\" | True | True | False | CREATE UNIQUE INDEX \"AK_Orders_Code\" ON public.\"Orders\" USING btree (\"Code\")", indexOnly);

        // Step 2: the constraint as scaffolded, enforced.
        runner.MigrateTo(runner.Migrations[2]);
        Assert.Equal(expectedConstraints, await PackageDiagnostics.RowsAsync(database, Constraints));
        Assert.Equal(expectedIndexes, await PackageDiagnostics.RowsAsync(database, Indexes));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, OrderRows));
        var violation = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database, """INSERT INTO "Orders" VALUES (4, 'A-1')"""));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, violation.SqlState);
        Assert.Equal("AK_Orders_Code", violation.ConstraintName);

        // Down of the added migration: back to the index alone; Down of the original: back to no index.
        runner.MigrateTo(KeyId);
        Assert.Equal(initialConstraints, await PackageDiagnostics.RowsAsync(database, Constraints));
        Assert.Equal(indexOnly, await PackageDiagnostics.RowsAsync(database, Indexes));
        runner.MigrateTo(InitialId);
        Assert.Equal(initialConstraints, await PackageDiagnostics.RowsAsync(database, Constraints));
        Assert.Equal(initialIndexes, await PackageDiagnostics.RowsAsync(database, Indexes));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, OrderRows));

        // And up again: Down left what Up needs.
        runner.MigrateTo(runner.Migrations[2]);
        Assert.Equal(expectedConstraints, await PackageDiagnostics.RowsAsync(database, Constraints));
    }

    /// <summary>
    /// Writer A holds an open insert; the concurrent build waits for it (CONCURRENTLY waits for running writers), and
    /// writer B's insert still goes through, with a lock_timeout that bounds the test. ADD CONSTRAINT would queue B
    /// behind its ACCESS EXCLUSIVE request for the whole build.
    /// </summary>
    [SkippableFact]
    public async Task EfCore_concurrent_build_lets_other_writers_insert_while_it_waits()
    {
        PostgresServer.SkipUnlessAvailable();
        var fixedSources = await FixedEfSourcesAsync(UniqueConstraintUsingIndexCodeFix.SameFileKey);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var token = timeout.Token;
        var database = await PostgresServer.CreateDatabaseAsync("mig1130_ef_writers", token);
        var runner = new PostgresEfRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        runner.MigrateTo(InitialId);
        await ExecuteAsync(database, Rows);

        await using var writerA = new NpgsqlConnection(database);
        await writerA.OpenAsync(token);
        await using var transactionA = await writerA.BeginTransactionAsync(token);
        await PostgresServer.ExecuteAsync(writerA, """INSERT INTO "Orders" VALUES (10, 'X-10')""", token);

        var migration = Task.Run(() => runner.MigrateTo(KeyId), token);
        await using var observer = new NpgsqlConnection(database);
        await observer.OpenAsync(token);
        await WaitUntilWaitingAsync(observer, migration, "CREATE UNIQUE INDEX CONCURRENTLY", token);

        await using (var writerB = new NpgsqlConnection(database))
        {
            await writerB.OpenAsync(token);
            await PostgresServer.ExecuteAsync(writerB, "SET lock_timeout = '2s'", token);
            await PostgresServer.ExecuteAsync(writerB, """INSERT INTO "Orders" VALUES (11, 'Y-11')""", token);
        }

        await transactionA.CommitAsync(token);
        await migration.WaitAsync(token);
        Assert.Contains("\"AK_Orders_Code\" | True | True | False | CREATE UNIQUE INDEX \"AK_Orders_Code\" ON public.\"Orders\" USING btree (\"Code\")",
            await PackageDiagnostics.RowsAsync(database, Indexes));
        Assert.Equal(5, (await PackageDiagnostics.RowsAsync(database, OrderRows)).Count);
    }

    private const string FluentHistory = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(1)]
            public class CreateLines : Migration
            {
                public override void Up()
                {
                    Create.Table("Lines")
                        .WithColumn("OrderId").AsInt32().NotNullable()
                        .WithColumn("Position").AsInt32().NotNullable()
                        .WithColumn("Sku").AsString(20).Nullable();
                }

                public override void Down()
                {
                    Delete.Table("Lines");
                }
            }
        }
        """;

    private const string FluentKey = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(2)]
            public class AddLineKey : Migration
            {
                public override void Up()
                {
                    Create.PrimaryKey("PK_Lines").OnTable("Lines").Columns("OrderId", "Position");
                }

                public override void Down()
                {
                    Delete.PrimaryKey("PK_Lines").FromTable("Lines");
                }
            }
        }
        """;

    private const string LineRows = """INSERT INTO "Lines" ("OrderId", "Position", "Sku") VALUES (1, 1, 'a'), (1, 2, NULL), (2, 1, 'c');""";

    private const string LineRowsQuery = """SELECT "OrderId", "Position", "Sku" FROM "Lines" ORDER BY 1, 2""";

    private const string LineConstraints = """
        SELECT conname, contype, pg_get_constraintdef(oid), conindid::regclass::text FROM pg_constraint
        WHERE conrelid = '"Lines"'::regclass AND contype IN ('u', 'p') ORDER BY conname
        """;

    private const string LineIndexes = """
        SELECT indexrelid::regclass::text, indisunique, indisvalid, indisprimary, pg_get_indexdef(indexrelid) FROM pg_index
        WHERE indrelid = '"Lines"'::regclass ORDER BY 1
        """;

    [SkippableTheory]
    [InlineData(UniqueConstraintUsingIndexCodeFix.NewFilesKey)]
    [InlineData(UniqueConstraintUsingIndexCodeFix.SameFileKey)]
    public async Task FluentMigrator_primary_key_is_built_concurrently_then_added_using_the_index_with_rows_kept(string shape)
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = new Dictionary<string, string>
        {
            ["/0/Migrations/0001_CreateLines.cs"] = FluentHistory,
            ["/0/Migrations/0002_AddLineKey.cs"] = FluentKey,
        };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new UniqueConstraintWithoutIndexAnalyzer(), new UniqueConstraintUsingIndexCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: shape, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1130");
        var fixedText = string.Join("\n", fixedSources.Values);
        Assert.Contains("[Migration(2, TransactionBehavior.None)]", fixedText);
        Assert.Contains("[Migration(3)]", fixedText);

        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        AssertNothingNew(before, after, "AddLineKeyConstraint");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var scaffoldedDb = await PostgresServer.CreateDatabaseAsync("mig1130_fm_scaffolded_" + shape.Length, timeout.Token);
        IReadOnlyList<string> expectedConstraints;
        IReadOnlyList<string> expectedIndexes;
        using (var scaffolded = new PostgresFluentRunner(InMemoryCompiler.Compile(sources.Values), scaffoldedDb))
        {
            scaffolded.MigrateUp(1);
            await ExecuteAsync(scaffoldedDb, LineRows);
            scaffolded.MigrateUp(2);
            expectedConstraints = await PackageDiagnostics.RowsAsync(scaffoldedDb, LineConstraints);
            expectedIndexes = await PackageDiagnostics.RowsAsync(scaffoldedDb, LineIndexes);
        }

        Assert.Equal(new[] { "PK_Lines | p | PRIMARY KEY (\"OrderId\", \"Position\") | \"PK_Lines\"" }, expectedConstraints);

        var database = await PostgresServer.CreateDatabaseAsync("mig1130_fm_fixed_" + shape.Length, timeout.Token);
        using var runner = new PostgresFluentRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        Assert.Equal(new long[] { 1, 2, 3 }, runner.Migrations);
        runner.MigrateUp(1);
        await ExecuteAsync(database, LineRows);
        var rows = await PackageDiagnostics.RowsAsync(database, LineRowsQuery);

        runner.MigrateUp(2);
        var indexOnly = await PackageDiagnostics.RowsAsync(database, LineIndexes);
        Assert.Empty(await PackageDiagnostics.RowsAsync(database, LineConstraints));
        Assert.Equal(new[] { "\"PK_Lines\" | True | True | False | CREATE UNIQUE INDEX \"PK_Lines\" ON public.\"Lines\" USING btree (\"OrderId\", \"Position\")" }, indexOnly);

        runner.MigrateUp(3);
        Assert.Equal(expectedConstraints, await PackageDiagnostics.RowsAsync(database, LineConstraints));
        Assert.Equal(expectedIndexes, await PackageDiagnostics.RowsAsync(database, LineIndexes));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, LineRowsQuery));
        var violation = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database, """INSERT INTO "Lines" VALUES (1, 2, 'dup')"""));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, violation.SqlState);

        runner.MigrateDown(2);
        Assert.Empty(await PackageDiagnostics.RowsAsync(database, LineConstraints));
        Assert.Equal(indexOnly, await PackageDiagnostics.RowsAsync(database, LineIndexes));
        runner.MigrateDown(1);
        Assert.Empty(await PackageDiagnostics.RowsAsync(database, LineIndexes));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, LineRowsQuery));
    }

    /// <summary>
    /// Nothing new after the fix, except that MIG1193 (opt-in: no lock_timeout before a locking statement) names the
    /// added migration instead of the original: ADD CONSTRAINT … USING INDEX, which takes the lock, has moved there.
    /// </summary>
    private static void AssertNothingNew(IReadOnlyList<string> before, IReadOnlyList<string> after, string addedMigration)
    {
        Assert.All(after.Except(before), d => Assert.StartsWith("MIG1193 Migration '" + addedMigration + "' ", d, StringComparison.Ordinal));
        Assert.Equal(before.Count(d => d.StartsWith("MIG1193", StringComparison.Ordinal)), after.Count(d => d.StartsWith("MIG1193", StringComparison.Ordinal)));
        Assert.Equal(before.Count - before.Count(d => d.StartsWith("MIG1130", StringComparison.Ordinal)), after.Count);
    }

    /// <summary>Polls pg_stat_activity until the statement waits on a lock (writer A's transaction).</summary>
    private static async Task WaitUntilWaitingAsync(NpgsqlConnection observer, Task migration, string statement, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (migration.IsCompleted)
            {
                await migration;
                throw new InvalidOperationException("the migration finished without waiting for the open write transaction");
            }

            await using var command = new NpgsqlCommand(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%' || @statement || '%'
                """,
                observer);
            command.Parameters.AddWithValue("statement", statement);
            if ((long)(await command.ExecuteScalarAsync(token))! > 0)
            {
                return;
            }

            await Task.Delay(50, token);
        }

        throw new TimeoutException("the " + statement + " statement never started waiting on the open write transaction");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await PostgresServer.ExecuteAsync(connection, sql, CancellationToken.None);
    }
}
