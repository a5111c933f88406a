using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// MIG1040's expand step on PostgreSQL with rows, as a rolling deployment runs it: a row written between the sync
/// (trigger) and the copy migration is kept in step by the trigger; after the copy, the old application version (writes only Total) and the new one (writes only Amount) both insert and
/// update, and both columns hold the same value in every row. Then the contract migration the rule page describes
/// drops the trigger, its function and the old column, and every row keeps its value. Each Down rolls back cleanly,
/// to each intermediate migration, with the rows intact.
/// </summary>
[Collection(PostgresCollection.Name)]
public class RenameExpandStepOnPostgresTests
{
    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop.Data
        {
            public class AppDbContext : DbContext
            {
                public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }
            }
        }
        """;

    private const string CreateOrders = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(AppDbContext))]
            [Migration("20240101000000_CreateOrders")]
            public class CreateOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Total = table.Column<decimal>(type: "numeric(18,2)", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
            }
        }
        """;

    private const string Rename = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090000_RenameTotalToAmount")]
            public class RenameTotalToAmount : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Total",
                        table: "Orders",
                        newName: "Amount");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Amount",
                        table: "Orders",
                        newName: "Total");
                }
            }
        }
        """;

    /// <summary>The contract step of rules/MIG1040.md, once no running version uses Total; its Down is the expand state again.</summary>
    private const string Contract = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(AppDbContext))]
            [Migration("20240401000000_DropTotal")]
            public class DropTotal : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("DROP TRIGGER \"Orders_Amount_sync\" ON \"Orders\";");
                    migrationBuilder.Sql("DROP FUNCTION \"Orders_Amount_sync\"();");
                    migrationBuilder.DropColumn(name: "Total", table: "Orders");
                    migrationBuilder.AlterColumn<decimal>(name: "Amount", table: "Orders", type: "numeric(18,2)", nullable: false, oldClrType: typeof(decimal), oldType: "numeric(18,2)", oldNullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<decimal>(name: "Amount", table: "Orders", type: "numeric(18,2)", nullable: true, oldClrType: typeof(decimal), oldType: "numeric(18,2)", oldNullable: false);
                    migrationBuilder.AddColumn<decimal>(name: "Total", table: "Orders", type: "numeric(18,2)", nullable: true);
                    migrationBuilder.Sql("UPDATE \"Orders\" SET \"Total\" = \"Amount\";");
                    migrationBuilder.AlterColumn<decimal>(name: "Total", table: "Orders", type: "numeric(18,2)", nullable: false, oldClrType: typeof(decimal), oldType: "numeric(18,2)", oldNullable: true);
                    migrationBuilder.Sql("CREATE FUNCTION \"Orders_Amount_sync\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN IF NEW.\"Amount\" IS NULL THEN NEW.\"Amount\" := NEW.\"Total\"; ELSE NEW.\"Total\" := NEW.\"Amount\"; END IF; ELSIF NEW.\"Amount\" IS DISTINCT FROM OLD.\"Amount\" THEN NEW.\"Total\" := NEW.\"Amount\"; ELSIF NEW.\"Total\" IS DISTINCT FROM OLD.\"Total\" THEN NEW.\"Amount\" := NEW.\"Total\"; END IF; RETURN NEW; END $$;");
                    migrationBuilder.Sql("CREATE TRIGGER \"Orders_Amount_sync\" BEFORE INSERT OR UPDATE ON \"Orders\" FOR EACH ROW EXECUTE FUNCTION \"Orders_Amount_sync\"();");
                }
            }
        }
        """;

    private const string Created = "20240101000000_CreateOrders";
    private const string Expanded = "20240301090000_RenameTotalToAmount";
    private const string Synced = "20240301090001_RenameTotalToAmountSync";
    private const string Copied = "20240301090002_RenameTotalToAmountCopy";
    private const string Contracted = "20240401000000_DropTotal";

    [SkippableTheory]
    [InlineData(RenameExpandStepCodeFix.NewFileKey, "mig1040_expand_new_file")]
    [InlineData(RenameExpandStepCodeFix.SameFileKey, "mig1040_expand_same_file")]
    public async Task Old_and_new_application_versions_both_write_during_the_expand_phase_and_rows_survive_the_contract(string shape, string databaseName)
    {
        PostgresServer.SkipUnlessAvailable();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;

        var sources = new Dictionary<string, string>
        {
            ["/src/AppDbContext.cs"] = Context,
            ["/src/Migrations/20240101000000_CreateOrders.cs"] = CreateOrders,
            ["/src/Migrations/20240301090000_RenameTotalToAmount.cs"] = Rename,
        };
        var fixedSources = (await CodeFixApplier.ApplyAsync(
            new OneStepRenameAnalyzer(),
            new RenameExpandStepCodeFix(),
            sources.Select(pair => (pair.Key, pair.Value)),
            token,
            shape,
            new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql" })).Sources;
        Assert.Contains(fixedSources.Values, text => text.Contains("BEFORE INSERT OR UPDATE", StringComparison.Ordinal));

        var assembly = InMemoryCompiler.Compile(fixedSources.Values.Append(Contract));
        var connectionString = await PostgresServer.CreateDatabaseAsync(databaseName, token);
        var contextType = assembly.GetTypes().Single(t => typeof(DbContext).IsAssignableFrom(t));
        void MigrateTo(string target)
        {
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
            builder.UseNpgsql(connectionString);
            using var context = (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
            context.GetService<IMigrator>().Migrate(target);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        async Task Sql(string sql) => await PostgresServer.ExecuteAsync(connection, sql, token);
        async Task<string> Rows(string columns)
        {
            await using var command = new NpgsqlCommand($"SELECT {columns} FROM \"Orders\" ORDER BY \"Id\"", connection);
            await using var reader = await command.ExecuteReaderAsync(token);
            var rows = new List<string>();
            while (await reader.ReadAsync(token))
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            return string.Join("; ", rows);
        }

        async Task<long> Count(string sql) => await PostgresServer.ScalarAsync<long>(connection, sql, token);

        MigrateTo(Created);
        await Sql("INSERT INTO \"Orders\" (\"Id\", \"Total\") VALUES (1, 20.50), (2, 180.00)");

        // Expand and sync: the rows that were there have no Amount yet; a row the old version writes between the
        // trigger and the copy (they commit in migrations of their own) gets it from the trigger.
        MigrateTo(Synced);
        Assert.Equal("1 | 20.50 | NULL; 2 | 180.00 | NULL", await Rows("\"Id\", \"Total\", \"Amount\""));
        await Sql("INSERT INTO \"Orders\" (\"Id\", \"Total\") VALUES (0, 3.00)");

        // The copy: the rows that were there get Amount, the one written since keeps its own.
        MigrateTo(Copied);
        Assert.Equal("0 | 3.00 | 3.00; 1 | 20.50 | 20.50; 2 | 180.00 | 180.00", await Rows("\"Id\", \"Total\", \"Amount\""));
        await Sql("DELETE FROM \"Orders\" WHERE \"Id\" = 0");

        // The old version writes only Total, the new one only Amount (its model no longer maps Total, which stays NOT NULL).
        await Sql("INSERT INTO \"Orders\" (\"Id\", \"Total\") VALUES (3, 7.25)");
        await Sql("INSERT INTO \"Orders\" (\"Id\", \"Amount\") VALUES (4, 9.50)");
        await Sql("UPDATE \"Orders\" SET \"Total\" = 21.00 WHERE \"Id\" = 1");
        await Sql("UPDATE \"Orders\" SET \"Amount\" = 181.00 WHERE \"Id\" = 2");
        const string BothColumns = "1 | 21.00 | 21.00; 2 | 181.00 | 181.00; 3 | 7.25 | 7.25; 4 | 9.50 | 9.50";
        Assert.Equal(BothColumns, await Rows("\"Id\", \"Total\", \"Amount\""));

        // Down of the copy migration: nothing to undo, every value stays.
        MigrateTo(Synced);
        Assert.Equal(BothColumns, await Rows("\"Id\", \"Total\", \"Amount\""));

        // Down of the sync migration: the trigger and its function go, both columns and every row stay.
        MigrateTo(Expanded);
        Assert.Equal(0, await Count("SELECT count(*) FROM pg_trigger WHERE tgname = 'Orders_Amount_sync'"));
        Assert.Equal(0, await Count("SELECT count(*) FROM pg_proc WHERE proname = 'Orders_Amount_sync'"));
        Assert.Equal(BothColumns, await Rows("\"Id\", \"Total\", \"Amount\""));

        // Down of the expand migration: Amount goes, Total keeps every value.
        MigrateTo(Created);
        Assert.Equal("1 | 21.00; 2 | 181.00; 3 | 7.25; 4 | 9.50", await Rows("\"Id\", \"Total\""));
        Assert.Equal(0, await Count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'Orders' AND column_name = 'Amount'"));

        // Up again, then the contract step: trigger, function and Total go, Amount keeps every value and becomes NOT NULL.
        MigrateTo(Copied);
        MigrateTo(Contracted);
        Assert.Equal("1 | 21.00; 2 | 181.00; 3 | 7.25; 4 | 9.50", await Rows("\"Id\", \"Amount\""));
        Assert.Equal(0, await Count("SELECT count(*) FROM pg_proc WHERE proname = 'Orders_Amount_sync'"));
        await Sql("INSERT INTO \"Orders\" (\"Id\", \"Amount\") VALUES (5, 1.00)");

        // And back through every Down to the start: the rows survive each step.
        MigrateTo(Copied);
        Assert.Equal("1 | 21.00 | 21.00; 2 | 181.00 | 181.00; 3 | 7.25 | 7.25; 4 | 9.50 | 9.50; 5 | 1.00 | 1.00", await Rows("\"Id\", \"Total\", \"Amount\""));
        await Sql("INSERT INTO \"Orders\" (\"Id\", \"Total\") VALUES (6, 2.00)");
        Assert.Equal("6 | 2.00", (await Rows("\"Id\", \"Amount\"")).Split("; ").Last());
        MigrateTo(Migration.InitialDatabase);
        Assert.Equal(0, await Count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'Orders'"));
    }

    private const string FluentCreateOrders = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(1)]
            public class CreateOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders")
                        .WithColumn("Id").AsInt32().NotNullable().PrimaryKey()
                        .WithColumn("Total").AsDecimal(18, 2).NotNullable();
                }

                public override void Down()
                {
                    Delete.Table("Orders");
                }
            }
        }
        """;

    private const string FluentRename = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(2)]
            public class RenameTotalToAmount : Migration
            {
                public override void Up()
                {
                    Rename.Column("Total").OnTable("Orders").To("Amount");
                }

                public override void Down()
                {
                    Rename.Column("Amount").OnTable("Orders").To("Total");
                }
            }
        }
        """;

    /// <summary>
    /// The same expand step written for FluentMigrator and run by FluentMigrator's own runner: the trigger keeps both
    /// columns in step for a row written between sync and copy, for the old version's and the new version's inserts
    /// and updates, and every Down (copy, sync, expand) keeps every row.
    /// </summary>
    [SkippableTheory]
    [InlineData(RenameExpandStepCodeFix.NewFileKey, "mig1040_fm_expand_new_file")]
    [InlineData(RenameExpandStepCodeFix.SameFileKey, "mig1040_fm_expand_same_file")]
    public async Task FluentMigrator_old_and_new_versions_both_write_during_the_expand_phase_and_every_Down_keeps_the_rows(string shape, string databaseName)
    {
        PostgresServer.SkipUnlessAvailable();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;

        var sources = new Dictionary<string, string>
        {
            ["/src/Migrations/0001_CreateOrders.cs"] = FluentCreateOrders,
            ["/src/Migrations/0002_RenameTotalToAmount.cs"] = FluentRename,
        };
        var fixedSources = (await CodeFixApplier.ApplyAsync(
            new OneStepRenameAnalyzer(),
            new RenameExpandStepCodeFix(),
            sources.Select(pair => (pair.Key, pair.Value)),
            token,
            shape,
            new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql", ["migration_analyzers.deployment"] = "rolling" })).Sources;
        Assert.Contains(fixedSources.Values, text => text.Contains("BEFORE INSERT OR UPDATE", StringComparison.Ordinal));

        var connectionString = await PostgresServer.CreateDatabaseAsync(databaseName, token);
        using var runner = new PostgresFluentRunner(InMemoryCompiler.Compile(fixedSources.Values), connectionString);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, runner.Migrations);

        var rows = """SELECT "Id", "Total", "Amount" FROM "Orders" ORDER BY "Id" """;
        async Task Sql(string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(token);
            await PostgresServer.ExecuteAsync(connection, sql, token);
        }

        runner.MigrateUp(1);
        await Sql("""INSERT INTO "Orders" ("Id", "Total") VALUES (1, 20.50), (2, 180.00)""");

        // Expand and sync; a row the old version writes before the copy gets Amount from the trigger (RowsAsync writes NULL as nothing).
        runner.MigrateUp(3);
        Assert.Equal(new[] { "1 | 20.50 | ", "2 | 180.00 | " }, await PackageDiagnostics.RowsAsync(connectionString, rows));
        await Sql("""INSERT INTO "Orders" ("Id", "Total") VALUES (0, 3.00)""");

        // The copy fills the rows that were there.
        runner.MigrateUp(4);
        Assert.Equal(new[] { "0 | 3.00 | 3.00", "1 | 20.50 | 20.50", "2 | 180.00 | 180.00" }, await PackageDiagnostics.RowsAsync(connectionString, rows));

        // Old version writes Total only, new version Amount only; updates through either side keep both equal.
        await Sql("""INSERT INTO "Orders" ("Id", "Total") VALUES (3, 7.25)""");
        await Sql("""INSERT INTO "Orders" ("Id", "Amount") VALUES (4, 9.50)""");
        await Sql("""UPDATE "Orders" SET "Total" = 21.00 WHERE "Id" = 1""");
        await Sql("""UPDATE "Orders" SET "Amount" = 181.00 WHERE "Id" = 2""");
        var both = new[] { "0 | 3.00 | 3.00", "1 | 21.00 | 21.00", "2 | 181.00 | 181.00", "3 | 7.25 | 7.25", "4 | 9.50 | 9.50" };
        Assert.Equal(both, await PackageDiagnostics.RowsAsync(connectionString, rows));

        // Down of copy and sync keep every value; Down of the expand step drops Amount, Total keeps every value.
        runner.MigrateDown(3);
        Assert.Equal(both, await PackageDiagnostics.RowsAsync(connectionString, rows));
        runner.MigrateDown(2);
        Assert.Equal(new[] { "0" }, await PackageDiagnostics.RowsAsync(connectionString, "SELECT count(*) FROM pg_trigger WHERE tgname = 'Orders_Amount_sync'"));
        Assert.Equal(both, await PackageDiagnostics.RowsAsync(connectionString, rows));
        runner.MigrateDown(1);
        Assert.Equal(new[] { "0 | 3.00", "1 | 21.00", "2 | 181.00", "3 | 7.25", "4 | 9.50" }, await PackageDiagnostics.RowsAsync(connectionString, """SELECT "Id", "Total" FROM "Orders" ORDER BY "Id" """));

        // And up again over the same rows.
        runner.MigrateUp(4);
        Assert.Equal(both, await PackageDiagnostics.RowsAsync(connectionString, rows));
    }
}
