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
/// MIG1050's NOT NULL fix on PostgreSQL with rows in the table (EF Core, and FluentMigrator with SET NOT NULL in raw SQL,
/// since its Alter.Column scans even after a validated check, proven here too): the original migration
/// adds <c>CHECK (col IS NOT NULL) NOT VALID</c> instead of the NOT NULL change, the migration the fix adds validates
/// it, makes the column NOT NULL and drops the check. The column ends NOT NULL with no constraint left, NULL is
/// refused, every row survives, and Down of each step returns to the state before it.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SetNotNullWithCheckOnPostgresTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["migration_analyzers.target_database"] = "postgresql",
        ["migration_analyzers.deployment"] = "rolling",
    };

    private const string InitialId = "20240101000000_CreateUsers";
    private const string BackfillId = "20240201000000_BackfillUserEmail";
    private const string RequireId = "20240301000000_RequireUserEmail";

    private const string CreateUsers = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class CreateUsers : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Users",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Email = table.Column<string>(type: "text", nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Users");
                }
            }
        }
        """;

    private const string BackfillUserEmail = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class BackfillUserEmail : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = 'unknown@example.com' WHERE \"Email\" IS NULL");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // The filled rows keep their value.
                }
            }
        }
        """;

    private const string RequireUserEmail = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class RequireUserEmail : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Email",
                        table: "Users",
                        type: "text",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: true);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Email",
                        table: "Users",
                        type: "text",
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: false);
                }
            }
        }
        """;

    /// <summary>Rows before the backfill: two without an email.</summary>
    private const string Rows = """
        INSERT INTO "Users" ("Id", "Email") VALUES (1, 'ada@example.com'), (2, NULL), (3, 'grace@example.com'), (4, NULL);
        """;

    private const string UserRows = """SELECT "Id", "Email" FROM "Users" ORDER BY "Id" """;

    private const string EmailNullable = """
        SELECT is_nullable FROM information_schema.columns WHERE table_name = 'Users' AND column_name = 'Email'
        """;

    private const string Constraints = """
        SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid = '"Users"'::regclass AND contype = 'c' ORDER BY conname
        """;

    private static Dictionary<string, string> EfSources() => new()
    {
        [Sources.DbContextPath] = Sources.DbContext,
        [Sources.DesignerPath(InitialId)] = Sources.Designer("CreateUsers", InitialId),
        [Sources.MigrationPath(InitialId)] = CreateUsers,
        [Sources.DesignerPath(BackfillId)] = Sources.Designer("BackfillUserEmail", BackfillId),
        [Sources.MigrationPath(BackfillId)] = BackfillUserEmail,
        [Sources.DesignerPath(RequireId)] = Sources.Designer("RequireUserEmail", RequireId),
        [Sources.MigrationPath(RequireId)] = RequireUserEmail,
    };

    [SkippableTheory]
    [InlineData(NotNullWithCheckCodeFix.NewFilesKey)]
    [InlineData(NotNullWithCheckCodeFix.SameFileKey)]
    public async Task EfCore_column_is_checked_not_valid_then_validated_and_made_not_null_with_rows_kept(string shape)
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = EfSources();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new RiskyColumnTypeChangeAnalyzer(), new NotNullWithCheckCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: shape, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1050");
        Assert.Equal(shape == NotNullWithCheckCodeFix.NewFilesKey ? sources.Count + 1 : sources.Count, fixedSources.Count);

        // The fix adds no MIG diagnostic: everything it reports afterwards it reported before, except the MIG1050 it fixed.
        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        Assert.Empty(after.Except(before));
        Assert.Single(before, d => d.StartsWith("MIG1050", System.StringComparison.Ordinal));

        using var timeout = new CancellationTokenSource(System.TimeSpan.FromSeconds(120));
        var database = await PostgresServer.CreateDatabaseAsync("mig1050_notnull_ef_" + shape.Length, timeout.Token);
        var runner = new PostgresEfRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        Assert.Equal(4, runner.Migrations.Count);
        var setNotNullId = runner.Migrations[3];

        // SET NOT NULL is a statement of its own, between VALIDATE and DROP: no type change rides along. The migration
        // starts with the lock_timeout MIG1193 (on in these settings) asks of the original, as MIG1193's fix writes it.
        Assert.Equal(
            new[]
            {
                "SET LOCAL lock_timeout = '5s';",
                """ALTER TABLE "Users" VALIDATE CONSTRAINT "CK_Users_Email_NotNull";""",
                """ALTER TABLE "Users" ALTER COLUMN "Email" SET NOT NULL;""",
                """ALTER TABLE "Users" DROP CONSTRAINT "CK_Users_Email_NotNull";""",
            },
            runner.UpCommands(setNotNullId).Select(command => command.CommandText.Trim()));

        runner.MigrateTo(InitialId);
        await ExecuteAsync(database, Rows);
        runner.MigrateTo(BackfillId);
        var rows = await PackageDiagnostics.RowsAsync(database, UserRows);
        Assert.Equal(4, rows.Count);
        await AssertStateAsync(database, "YES", noCheck: true);

        runner.MigrateTo(RequireId);
        var afterOriginal = await AssertStateAsync(database, "YES", noCheck: false);
        Assert.Equal("""CK_Users_Email_NotNull | False | CHECK (("Email" IS NOT NULL)) NOT VALID""", Assert.Single(afterOriginal));

        runner.MigrateTo(setNotNullId);
        await AssertStateAsync(database, "NO", noCheck: true);
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, UserRows));
        var violation = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database, """INSERT INTO "Users" ("Id", "Email") VALUES (5, NULL)"""));
        Assert.Equal(PostgresErrorCodes.NotNullViolation, violation.SqlState);

        // Down of the added migration: nullable again with the check NOT VALID; Down of the original: nullable, no check.
        runner.MigrateTo(RequireId);
        Assert.Equal(afterOriginal, await AssertStateAsync(database, "YES", noCheck: false));
        runner.MigrateTo(BackfillId);
        await AssertStateAsync(database, "YES", noCheck: true);
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, UserRows));
    }

    private const string FluentHistory = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(1)]
            public class CreateUsers : Migration
            {
                public override void Up()
                {
                    Create.Table("Users")
                        .WithColumn("Id").AsInt32().PrimaryKey()
                        .WithColumn("Email").AsString(200).Nullable();
                }

                public override void Down()
                {
                    Delete.Table("Users");
                }
            }

            [Migration(2)]
            public class BackfillUserEmail : Migration
            {
                public override void Up()
                {
                    Execute.Sql("UPDATE \"Users\" SET \"Email\" = 'unknown@example.com' WHERE \"Email\" IS NULL");
                }

                public override void Down()
                {
                    // The filled rows keep their value.
                }
            }
        }
        """;

    private const string FluentRequire = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(3)]
            public class RequireUserEmail : Migration
            {
                public override void Up()
                {
                    Alter.Column("Email").OnTable("Users").AsString(200).NotNullable();
                }

                public override void Down()
                {
                    Alter.Column("Email").OnTable("Users").AsString(200).Nullable();
                }
            }
        }
        """;

    /// <summary>
    /// FluentMigrator: the original adds the check NOT VALID in place of Alter.Column; the added migration validates it,
    /// sets NOT NULL in raw SQL (no TYPE clause to verify the check again) and drops it. Rows survive Up, Down and Up again.
    /// </summary>
    [SkippableTheory]
    [InlineData(NotNullWithCheckCodeFix.NewFilesKey)]
    [InlineData(NotNullWithCheckCodeFix.SameFileKey)]
    public async Task FluentMigrator_column_is_checked_not_valid_then_validated_and_set_not_null_in_raw_SQL_with_rows_kept(string shape)
    {
        PostgresServer.SkipUnlessAvailable();
        var sources = new Dictionary<string, string>
        {
            ["/0/Migrations/0001_CreateUsers.cs"] = FluentHistory,
            ["/0/Migrations/0003_RequireUserEmail.cs"] = FluentRequire,
        };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new RiskyColumnTypeChangeAnalyzer(), new NotNullWithCheckCodeFix(), sources.Select(p => (p.Key, p.Value)), equivalenceKey: shape, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1050");
        Assert.Equal(shape == NotNullWithCheckCodeFix.NewFilesKey ? sources.Count + 1 : sources.Count, fixedSources.Count);
        Assert.DoesNotContain("Alter.Column", string.Join("\n", fixedSources.Values), System.StringComparison.Ordinal);

        // The fix adds no MIG diagnostic: everything it reports afterwards it reported before, except the MIG1050 it fixed.
        var before = await PackageDiagnostics.OfAsync(sources.Values, Settings);
        var after = await PackageDiagnostics.OfAsync(fixedSources.Values, Settings);
        Assert.Empty(after.Except(before));
        Assert.Single(before, d => d.StartsWith("MIG1050", System.StringComparison.Ordinal));
        Assert.DoesNotContain(after, d => d.StartsWith("MIG1050", System.StringComparison.Ordinal));

        using var timeout = new CancellationTokenSource(System.TimeSpan.FromSeconds(120));
        var database = await PostgresServer.CreateDatabaseAsync("mig1050_notnull_fm_" + shape.Length, timeout.Token);
        using var runner = new PostgresFluentRunner(InMemoryCompiler.Compile(fixedSources.Values), database);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, runner.Migrations);

        runner.MigrateUp(1);
        await ExecuteAsync(database, Rows);
        runner.MigrateUp(2);
        var rows = await PackageDiagnostics.RowsAsync(database, UserRows);
        Assert.Equal(4, rows.Count);
        Assert.DoesNotContain(rows, row => row.EndsWith("| ", System.StringComparison.Ordinal));
        await AssertStateAsync(database, "YES", noCheck: true);

        runner.MigrateUp(3);
        var afterOriginal = await AssertStateAsync(database, "YES", noCheck: false);
        Assert.Equal("""CK_Users_Email_NotNull | False | CHECK (("Email" IS NOT NULL)) NOT VALID""", Assert.Single(afterOriginal));

        runner.MigrateUp(4);
        await AssertStateAsync(database, "NO", noCheck: true);
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, UserRows));
        var violation = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database, """INSERT INTO "Users" ("Id", "Email") VALUES (5, NULL)"""));
        Assert.Equal(PostgresErrorCodes.NotNullViolation, violation.SqlState);

        // Down of the added migration: nullable again with the check NOT VALID; Down of the original: nullable, no check.
        runner.MigrateDown(3);
        Assert.Equal(afterOriginal, await AssertStateAsync(database, "YES", noCheck: false));
        runner.MigrateDown(2);
        await AssertStateAsync(database, "YES", noCheck: true);
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, UserRows));

        // And up again, with the rows in the table.
        runner.MigrateUp(4);
        await AssertStateAsync(database, "NO", noCheck: true);
        Assert.Equal(rows, await PackageDiagnostics.RowsAsync(database, UserRows));
    }

    /// <summary>
    /// Why the FluentMigrator fix sets NOT NULL in raw SQL, and why MIG1050 keeps reporting Alter.Column after a validated
    /// check: with the check, <c>ALTER COLUMN … SET NOT NULL</c> alone (Npgsql's, and the fix's raw SQL) skips the scan,
    /// while FluentMigrator's <c>Alter.Column(…).AsString(200).NotNullable()</c> writes <c>ALTER … TYPE …, ALTER … SET NOT NULL</c>
    /// in one statement, and the TYPE clause re-adds the column's check constraints and verifies them: the table is
    /// scanned under the ACCESS EXCLUSIVE lock all the same. PostgreSQL says which at DEBUG1.
    /// </summary>
    [SkippableFact]
    public async Task Set_not_null_skips_the_scan_after_a_validated_check_but_FluentMigrator_Alter_Column_does_not()
    {
        PostgresServer.SkipUnlessAvailable();
        using var timeout = new CancellationTokenSource(System.TimeSpan.FromSeconds(120));
        var database = await PostgresServer.CreateDatabaseAsync("mig1050_notnull_scan", timeout.Token);
        await ExecuteAsync(database, """
            CREATE TABLE "Users" ("Id" integer PRIMARY KEY, "Email" varchar(200));
            INSERT INTO "Users" SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 1000) g;
            ALTER TABLE "Users" ADD CONSTRAINT "CK_Users_Email_NotNull" CHECK ("Email" IS NOT NULL) NOT VALID;
            ALTER TABLE "Users" VALIDATE CONSTRAINT "CK_Users_Email_NotNull";
            """);

        var generator = new FluentMigrator.Runner.Generators.Postgres.PostgresGenerator(
            new FluentMigrator.Runner.Generators.Postgres.PostgresQuoter(new FluentMigrator.Runner.Processors.Postgres.PostgresOptions()));
        var fluentSql = generator.Generate(new FluentMigrator.Expressions.AlterColumnExpression
        {
            TableName = "Users",
            Column = new FluentMigrator.Model.ColumnDefinition { Name = "Email", TableName = "Users", Type = System.Data.DbType.String, Size = 200, IsNullable = false },
        });
        Assert.Contains("TYPE varchar(200)", fluentSql, System.StringComparison.Ordinal);

        var efCore = await DebugMessagesAsync(database, """ALTER TABLE "Users" ALTER COLUMN "Email" SET NOT NULL;""");
        Assert.Contains(efCore, message => message.Contains("sufficient to prove that it does not contain nulls", System.StringComparison.Ordinal));
        Assert.DoesNotContain(efCore, message => message.StartsWith("verifying table", System.StringComparison.Ordinal));

        var fluent = await DebugMessagesAsync(database, fluentSql);
        Assert.Contains(fluent, message => message.StartsWith("verifying table", System.StringComparison.Ordinal));
    }

    /// <summary>The DEBUG1 messages of <paramref name="sql"/>, run in a transaction that is rolled back.</summary>
    private static async Task<IReadOnlyList<string>> DebugMessagesAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var messages = new List<string>();
        connection.Notice += (_, e) => messages.Add(e.Notice.MessageText);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SET LOCAL client_min_messages = debug1; " + sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.RollbackAsync();
        return messages;
    }

    /// <summary>Asserts whether Email allows NULL and whether a check constraint is left; returns the check constraints.</summary>
    private static async Task<IReadOnlyList<string>> AssertStateAsync(string database, string nullable, bool noCheck)
    {
        Assert.Equal(nullable, Assert.Single(await PackageDiagnostics.RowsAsync(database, EmailNullable)));
        var checks = await PackageDiagnostics.RowsAsync(database, Constraints);
        Assert.Equal(noCheck, checks.Count == 0);
        return checks;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await PostgresServer.ExecuteAsync(connection, sql, CancellationToken.None);
    }
}
