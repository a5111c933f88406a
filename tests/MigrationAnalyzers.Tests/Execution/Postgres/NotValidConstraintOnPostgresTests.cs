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
/// MIG1120's fix on PostgreSQL with rows in the table, for EF Core and FluentMigrator: the original migration adds the
/// constraints NOT VALID, the migration the fix adds validates them, the constraints end as the scaffolded migration
/// leaves them (same definition, validated), Down of each step returns to the state before it, and every row survives.
/// </summary>
[Collection(PostgresCollection.Name)]
public class NotValidConstraintOnPostgresTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["migration_analyzers.target_database"] = "postgresql",
        ["migration_analyzers.deployment"] = "rolling",
    };

    private const string InitialId = "20240101000000_CreateShop";
    private const string ConstrainId = "20240201000000_ConstrainOrders";

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
                        name: "Customers",
                        columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            CustomerId = table.Column<int>(type: "integer", nullable: false),
                            Total = table.Column<decimal>(type: "numeric", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Orders");
                    migrationBuilder.DropTable(name: "Customers");
                }
            }
        }
        """;

    private const string ConstrainOrders = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class ConstrainOrders : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(
                        name: "FK_Orders_Customers_CustomerId",
                        table: "Orders",
                        column: "CustomerId",
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);

                    migrationBuilder.AddCheckConstraint(name: "CK_Orders_Total", table: "Orders", sql: "\"Total\" >= 0");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropCheckConstraint(name: "CK_Orders_Total", table: "Orders");
                    migrationBuilder.DropForeignKey(name: "FK_Orders_Customers_CustomerId", table: "Orders");
                }
            }
        }
        """;

    private const string Rows = """
        INSERT INTO "Customers" ("Id") VALUES (1), (2), (3);
        INSERT INTO "Orders" ("Id", "CustomerId", "Total") VALUES (1, 1, 20.5), (2, 2, 180), (3, 3, 99.9), (4, 1, 0);
        """;

    private const string OrderRows = """SELECT "Id", "CustomerId", "Total" FROM "Orders" ORDER BY "Id" """;

    private const string Constraints = """
        SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid = '"Orders"'::regclass AND contype IN ('f', 'c') ORDER BY conname
        """;

    private static Dictionary<string, string> EfSources() => new()
    {
        [Sources.DbContextPath] = Sources.DbContext,
        [Sources.DesignerPath(InitialId)] = Sources.Designer("CreateShop", InitialId),
        [Sources.MigrationPath(InitialId)] = CreateShop,
        [Sources.DesignerPath(ConstrainId)] = Sources.Designer("ConstrainOrders", ConstrainId),
        [Sources.MigrationPath(ConstrainId)] = ConstrainOrders,
    };

    [SkippableTheory]
    [InlineData(NotValidConstraintCodeFix.NewFilesKey)]
    [InlineData(NotValidConstraintCodeFix.SameFileKey)]
    public async Task EfCore_constraints_are_added_not_valid_then_validated_with_rows_kept(string shape)
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = EfSources();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new ConstraintValidatedAtOnceAnalyzer(), new NotValidConstraintCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: shape, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1120");
        Assert.Equal(shape == NotValidConstraintCodeFix.NewFilesKey ? sources.Count + 1 : sources.Count, fixedSources.Count);
        var fixedText = string.Join("\n", fixedSources.Values);
        Assert.Contains("NOT VALID", fixedText);
        Assert.Contains("VALIDATE CONSTRAINT", fixedText);

        // The fix adds no MIG diagnostic: everything it reports afterwards it reported before, except the MIG1120s it fixed.
        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        Assert.Empty(after.Except(before));
        Assert.Equal(2, before.Count(d => d.StartsWith("MIG1120", System.StringComparison.Ordinal)));

        // What the scaffolded migration leaves: the definitions the fixed one must end with.
        using var timeout = new CancellationTokenSource(System.TimeSpan.FromSeconds(120));
        var scaffoldedDb = await PostgresServer.CreateDatabaseAsync("mig1120_ef_scaffolded_" + shape.Length, timeout.Token);
        var scaffolded = new PostgresEfRunner(InMemoryCompiler.Compile(sources.Values), scaffoldedDb);
        scaffolded.MigrateTo(InitialId);
        await ExecuteAsync(scaffoldedDb, Rows);
        scaffolded.MigrateTo(ConstrainId);
        var expected = await PackageDiagnostics.RowsAsync(scaffoldedDb, Constraints);
        Assert.All(expected, row => Assert.Contains("| True |", row));

        var database = await PostgresServer.CreateDatabaseAsync("mig1120_ef_fixed_" + shape.Length, timeout.Token);
        var runner = new PostgresEfRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        Assert.Equal(3, runner.Migrations.Count);
        runner.MigrateTo(InitialId);
        await ExecuteAsync(database, Rows);
        var rows = await PackageDiagnostics.RowsAsync(database, OrderRows);
        Assert.Equal(4, rows.Count);

        runner.MigrateTo(ConstrainId);
        var notValid = await PackageDiagnostics.RowsAsync(database, Constraints);
        Assert.Equal(2, notValid.Count);
        Assert.All(notValid, row => Assert.Contains("| False |", row));
        Assert.All(notValid, row => Assert.EndsWith(" NOT VALID", row));

        runner.MigrateTo(runner.Migrations[2]);
        Assert.Equal(expected, await PackageDiagnostics.RowsAsync(database, Constraints));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, OrderRows));
        var violation = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database, """INSERT INTO "Orders" VALUES (5, 9, 1)"""));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, violation.SqlState);

        // Down of the validating migration: back to the constraints NOT VALID; Down of the original: no constraints.
        runner.MigrateTo(ConstrainId);
        Assert.Equal(notValid, await PackageDiagnostics.RowsAsync(database, Constraints));
        runner.MigrateTo(InitialId);
        Assert.Empty(await PackageDiagnostics.RowsAsync(database, Constraints));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, OrderRows));
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
                    Create.Table("Customers").WithColumn("Id").AsInt32().PrimaryKey();
                    Create.Table("Orders")
                        .WithColumn("Id").AsInt32().PrimaryKey()
                        .WithColumn("CustomerId").AsInt32().NotNullable()
                        .WithColumn("Total").AsDecimal(10, 2).NotNullable();
                }

                public override void Down()
                {
                    Delete.Table("Orders");
                    Delete.Table("Customers");
                }
            }
        }
        """;

    private const string FluentConstrain = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(2)]
            public class ConstrainOrders : Migration
            {
                public override void Up()
                {
                    Create.ForeignKey("FK_Orders_Customers").FromTable("Orders").ForeignColumn("CustomerId")
                        .ToTable("Customers").PrimaryColumn("Id")
                        .OnDelete(System.Data.Rule.Cascade);
                }

                public override void Down()
                {
                    Delete.ForeignKey("FK_Orders_Customers").OnTable("Orders");
                }
            }
        }
        """;

    [SkippableTheory]
    [InlineData(NotValidConstraintCodeFix.NewFilesKey)]
    [InlineData(NotValidConstraintCodeFix.SameFileKey)]
    public async Task FluentMigrator_foreign_key_is_added_not_valid_then_validated_with_rows_kept(string shape)
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = new Dictionary<string, string>
        {
            ["/0/Migrations/0001_CreateShop.cs"] = FluentHistory,
            ["/0/Migrations/0002_ConstrainOrders.cs"] = FluentConstrain,
        };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new ConstraintValidatedAtOnceAnalyzer(), new NotValidConstraintCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: shape, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1120");
        Assert.Contains("[Migration(3)]", string.Join("\n", fixedSources.Values));

        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        Assert.Empty(after.Except(before));

        using var timeout = new CancellationTokenSource(System.TimeSpan.FromSeconds(120));
        var scaffoldedDb = await PostgresServer.CreateDatabaseAsync("mig1120_fm_scaffolded_" + shape.Length, timeout.Token);
        using (var scaffolded = new PostgresFluentRunner(InMemoryCompiler.Compile(sources.Values), scaffoldedDb))
        {
            scaffolded.MigrateUp(1);
            await ExecuteAsync(scaffoldedDb, Rows);
            scaffolded.MigrateUp(2);
        }

        var expected = await PackageDiagnostics.RowsAsync(scaffoldedDb, Constraints);
        Assert.Single(expected);

        var database = await PostgresServer.CreateDatabaseAsync("mig1120_fm_fixed_" + shape.Length, timeout.Token);
        using var runner = new PostgresFluentRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        Assert.Equal(new long[] { 1, 2, 3 }, runner.Migrations);
        runner.MigrateUp(1);
        await ExecuteAsync(database, Rows);
        var rows = await PackageDiagnostics.RowsAsync(database, OrderRows);

        runner.MigrateUp(2);
        var notValid = await PackageDiagnostics.RowsAsync(database, Constraints);
        Assert.Equal(expected.Select(row => row.Replace("| True |", "| False |") + " NOT VALID"), notValid);

        runner.MigrateUp(3);
        Assert.Equal(expected, await PackageDiagnostics.RowsAsync(database, Constraints));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, OrderRows));

        runner.MigrateDown(2);
        Assert.Equal(notValid, await PackageDiagnostics.RowsAsync(database, Constraints));
        runner.MigrateDown(1);
        Assert.Empty(await PackageDiagnostics.RowsAsync(database, Constraints));
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, OrderRows));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await PostgresServer.ExecuteAsync(connection, sql, CancellationToken.None);
    }
}
