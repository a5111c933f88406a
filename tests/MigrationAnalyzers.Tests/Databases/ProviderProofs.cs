using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Databases;
using static MigrationAnalyzers.Tests.Databases.ProviderFacts;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// For every fact of every <see cref="ProviderBehaviour"/> row: the SQL the provider generates (asserted here, as it
/// appears on rules/databases.md), the value that SQL and the cited evidence give, and where the database's part is
/// proven — a test that runs the SQL on the database (SQLite, PostgreSQL), or the database's documentation where no
/// server runs in the tests (SQL Server, MySQL).
/// </summary>
public static class ProviderProofs
{
    public sealed record Proof(object? Value, IReadOnlyList<string> Emitted, IReadOnlyList<Evidence> Evidence);

    /// <summary>A link for the page: a test that ran the SQL, a provider change, or the database's documentation.</summary>
    public sealed record Evidence(string Text, string Link);

    private const string TestsFolder = "../tests/MigrationAnalyzers.Tests/";

    private static readonly Evidence RunOnPostgres = new("run on PostgreSQL", TestsFolder + "Databases/ProviderBehaviourOnPostgresTests.cs");
    private static readonly Evidence RunOnSqlite = new("run on SQLite", TestsFolder + "Databases/ProviderBehaviourOnSqliteTests.cs");
    private static readonly Evidence IndexLocksOnPostgres = new("run on PostgreSQL", TestsFolder + "Execution/Postgres/ConcurrentIndexOnPostgresTests.cs");
    private static readonly Evidence PostgresRelease11 = new("PostgreSQL 11 release notes", "https://www.postgresql.org/docs/release/11.0/");
    private static readonly Evidence PostgresRelease12 = new("PostgreSQL 12 release notes", "https://www.postgresql.org/docs/release/12.0/");
    private static readonly Evidence NpgsqlBackfillBackport = new("efcore.pg#2483 (6.0.7)", "https://github.com/npgsql/efcore.pg/issues/2483");
    private static readonly Evidence SqlServerBackfillSince7 = new("efcore#21765 (7.0)", "https://github.com/dotnet/efcore/issues/21765");
    private static readonly Evidence SqlServerCreateIndexDocs = new("SQL Server docs", "https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql");
    private static readonly Evidence SqlServerAlterTableDocs = new("SQL Server docs", "https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql");
    private static readonly Evidence SqlServerRenameDocs = new("SQL Server docs", "https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-rename-transact-sql");
    private static readonly Evidence MySqlOnlineDdlDocs = new("MySQL docs", "https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html");
    private static readonly Evidence MySqlInstantAddColumnDocs = new("MySQL docs (INSTANT from 8.0.12)", MySqlOnlineDdlDocs.Link);
    private static readonly Evidence SqliteRebuildSince5 = new("EF Core 5.0 table rebuilds", "https://learn.microsoft.com/ef/core/what-is-new/ef-core-5.0/whatsnew#migrations-and-scaffolding-with-sqlite");
    private static readonly Evidence SqliteRenameColumnDocs = new("SQLite docs", "https://www.sqlite.org/lang_altertable.html");

    /// <summary>The proof of one fact for one database, or null when none is written (the fact is then unproven).</summary>
    public static Proof? For(DatabaseProvider database, string member)
        => database switch
        {
            DatabaseProvider.PostgreSql => PostgreSql(member),
            DatabaseProvider.SqlServer => SqlServer(member),
            DatabaseProvider.MySql => MySql(member),
            DatabaseProvider.Sqlite => Sqlite(member),
            _ => null,
        };

    private static Proof? PostgreSql(string member)
    {
        const DatabaseProvider db = DatabaseProvider.PostgreSql;
        return member switch
        {
            FillsNulls => new Proof(
                true,
                ExpectInOrder(MadeRequiredWithDefault(db), """UPDATE "Widgets" SET "Quantity" = 0 WHERE "Quantity" IS NULL;""", """ALTER TABLE "Widgets" ALTER COLUMN "Quantity" SET NOT NULL;"""),
                new[] { RunOnPostgres }),
            FillsNullsFrom => ProviderVersionProof(db, new Version(6, 0, 7), NpgsqlBackfillBackport),
            IndexBuild => IndexProof(
                db,
                "Npgsql:CreatedConcurrently",
                """CREATE INDEX "IX_Widgets_Quantity" ON "Widgets" ("Quantity");""",
                """CREATE INDEX CONCURRENTLY "IX_Widgets_Quantity" ON "Widgets" ("Quantity");""",
                IndexBuildLocking.BlocksWritesUnlessConcurrent,
                IndexLocksOnPostgres,
                concurrentFormLeavesTheTransaction: true),
            MakeRequired => new Proof(
                RequiredChangeCost.ScanUnderExclusiveLock,
                ExpectExactly(MadeRequired(db), """ALTER TABLE "Widgets" ALTER COLUMN "Quantity" SET NOT NULL;"""),
                new[] { RunOnPostgres }),
            VarcharGrowth => new Proof(
                VarcharGrowthCost.InPlace,
                ExpectExactly(GrownName(db), """ALTER TABLE "Widgets" ALTER COLUMN "Name" TYPE character varying(100);"""),
                new[] { RunOnPostgres }),
            VarcharPrefix => new Proof(null, Array.Empty<string>(), new[] { RunOnPostgres }),
            Renames => RenameProof(db, """ALTER TABLE "Widgets" RENAME COLUMN "Quantity" TO "Amount";""", """ALTER TABLE "Widgets" RENAME TO "Gadgets";""", RunOnPostgres),
            TimestampTz => new Proof(
                12,
                ExpectExactly(ProviderSql.Generate(db, ProviderOperations.AtToTimestampTz(), ProviderOperations.AtWithTimeZone), """ALTER TABLE "Widgets" ALTER COLUMN "At" TYPE timestamp with time zone;"""),
                new[] { RunOnPostgres, PostgresRelease12 }),
            TimestampTzIsInPlace => new Proof(true, Array.Empty<string>(), new[] { RunOnPostgres }),
            ConstantDefault => new Proof(
                true,
                ExpectExactly(AddedWithConstantDefault(db), """ALTER TABLE "Widgets" ADD "Stock" integer NOT NULL DEFAULT 0;""")
                    .Concat(ExpectExactly(AddedWithVolatileDefault(db), """ALTER TABLE "Widgets" ADD "Draw" integer NOT NULL DEFAULT (floor(random() * 1000)::integer);"""))
                    .ToArray(),
                new[] { RunOnPostgres, PostgresRelease11 }),
            ConstantDefaultFrom => new Proof(new Version(11, 0), Array.Empty<string>(), new[] { RunOnPostgres, PostgresRelease11 }),
            NotNullFromCheck => new Proof(
                true,
                ExpectExactly(MadeRequired(db), """ALTER TABLE "Widgets" ALTER COLUMN "Quantity" SET NOT NULL;"""),
                new[] { RunOnPostgres, PostgresRelease12 }),
            NotNullFromCheckFrom => new Proof(new Version(12, 0), Array.Empty<string>(), new[] { RunOnPostgres, PostgresRelease12 }),
            InstantAddColumn => NotThisDatabase(false),
            InstantAddColumnFrom => NotThisDatabase(null),
            Embedded => ConnectionProof(db, "NpgsqlConnection", embedded: false),
            _ => null,
        };
    }

    private static Proof? SqlServer(string member)
    {
        const DatabaseProvider db = DatabaseProvider.SqlServer;
        return member switch
        {
            FillsNulls => new Proof(
                true,
                ExpectInOrder(MadeRequiredWithDefault(db), "UPDATE [Widgets] SET [Quantity] = 0 WHERE [Quantity] IS NULL;", "ALTER TABLE [Widgets] ALTER COLUMN [Quantity] int NOT NULL;"),
                Array.Empty<Evidence>()),
            FillsNullsFrom => ProviderVersionProof(db, new Version(7, 0, 0), SqlServerBackfillSince7),
            IndexBuild => IndexProof(
                db,
                "SqlServer:Online",
                "CREATE INDEX [IX_Widgets_Quantity] ON [Widgets] ([Quantity]);",
                "CREATE INDEX [IX_Widgets_Quantity] ON [Widgets] ([Quantity]) WITH (ONLINE = ON);",
                IndexBuildLocking.BlocksWritesUnlessOnline,
                SqlServerCreateIndexDocs,
                concurrentFormLeavesTheTransaction: false),
            MakeRequired => new Proof(
                RequiredChangeCost.ScanUnderSchemaLock,
                ExpectWithoutBackfill(MadeRequired(db), "ALTER TABLE [Widgets] ALTER COLUMN [Quantity] int NOT NULL;"),
                new[] { SqlServerAlterTableDocs }),
            VarcharGrowth => new Proof(
                VarcharGrowthCost.InPlace,
                ExpectWithoutBackfill(GrownName(db), "ALTER TABLE [Widgets] ALTER COLUMN [Name] nvarchar(100) NULL;"),
                new[] { SqlServerAlterTableDocs }),
            VarcharPrefix => new Proof(null, Array.Empty<string>(), new[] { SqlServerAlterTableDocs }),
            Renames => RenameProof(db, "EXEC sp_rename N'[Widgets].[Quantity]', N'Amount', N'COLUMN';", "EXEC sp_rename N'[Widgets]', N'Gadgets';", SqlServerRenameDocs),
            TimestampTz => NoSuchType(),
            TimestampTzIsInPlace => new Proof(false, Array.Empty<string>(), Array.Empty<Evidence>()),
            ConstantDefault => NotThisDatabase(false),
            ConstantDefaultFrom => NotThisDatabase(null),
            NotNullFromCheck => NotThisDatabase(false),
            NotNullFromCheckFrom => NotThisDatabase(null),
            InstantAddColumn => NotThisDatabase(false),
            InstantAddColumnFrom => NotThisDatabase(null),
            Embedded => ConnectionProof(db, "SqlConnection", embedded: false),
            _ => null,
        };
    }

    private static Proof? MySql(string member)
    {
        const DatabaseProvider db = DatabaseProvider.MySql;
        return member switch
        {
            FillsNulls => new Proof(
                false,
                ExpectWithoutBackfill(MadeRequiredWithDefault(db), "ALTER TABLE `Widgets` MODIFY COLUMN `Quantity` int NOT NULL DEFAULT 0;"),
                new[] { MySqlOnlineDdlDocs }),
            FillsNullsFrom => new Proof(
                null,
                ExpectWithoutBackfill(MadeRequiredWithDefault(db), "ALTER TABLE `Widgets` MODIFY COLUMN `Quantity` int NOT NULL DEFAULT 0;"),
                Array.Empty<Evidence>()),
            IndexBuild => IndexProof(
                db,
                annotation: null,
                "CREATE INDEX `IX_Widgets_Quantity` ON `Widgets` (`Quantity`);",
                concurrent: null,
                IndexBuildLocking.Online,
                MySqlOnlineDdlDocs,
                concurrentFormLeavesTheTransaction: false),
            MakeRequired => new Proof(
                RequiredChangeCost.OnlineRebuild,
                ExpectWithoutBackfill(MadeRequired(db), "ALTER TABLE `Widgets` MODIFY COLUMN `Quantity` int NOT NULL;"),
                new[] { MySqlOnlineDdlDocs }),
            VarcharGrowth => new Proof(
                VarcharGrowthCost.CopiesAcrossLengthPrefix,
                ExpectWithoutBackfill(GrownName(db), "ALTER TABLE `Widgets` MODIFY COLUMN `Name` varchar(100) NULL;"),
                new[] { MySqlOnlineDdlDocs }),
            VarcharPrefix => new Proof(255, Array.Empty<string>(), new[] { MySqlOnlineDdlDocs }),
            Renames => RenameProof(db, "ALTER TABLE `Widgets` RENAME COLUMN `Quantity` TO `Amount`;", "ALTER TABLE `Widgets` RENAME `Gadgets`;", MySqlOnlineDdlDocs),
            TimestampTz => NoSuchType(),
            TimestampTzIsInPlace => new Proof(false, Array.Empty<string>(), Array.Empty<Evidence>()),
            ConstantDefault => NotThisDatabase(false),
            ConstantDefaultFrom => NotThisDatabase(null),
            NotNullFromCheck => NotThisDatabase(false),
            NotNullFromCheckFrom => NotThisDatabase(null),
            InstantAddColumn => new Proof(
                true,
                ExpectExactly(AddedWithConstantDefault(db), "ALTER TABLE `Widgets` ADD `Stock` int NOT NULL DEFAULT 0;"),
                new[] { MySqlInstantAddColumnDocs }),
            InstantAddColumnFrom => new Proof(new Version(8, 0, 12), Array.Empty<string>(), new[] { MySqlInstantAddColumnDocs }),
            Embedded => ConnectionProof(db, "MySqlConnection", embedded: false),
            _ => null,
        };
    }

    private static Proof? Sqlite(string member)
    {
        const DatabaseProvider db = DatabaseProvider.Sqlite;
        return member switch
        {
            FillsNulls => new Proof(
                true,
                ExpectRebuild(MadeRequiredWithDefault(db), """SELECT "Id", "At", "Name", IFNULL("Quantity", 0)"""),
                new[] { RunOnSqlite }),
            FillsNullsFrom => ProviderVersionProof(db, new Version(5, 0, 0), SqliteRebuildSince5),
            IndexBuild => IndexProof(
                db,
                annotation: null,
                """CREATE INDEX "IX_Widgets_Quantity" ON "Widgets" ("Quantity");""",
                concurrent: null,
                IndexBuildLocking.NoConcurrentWriters,
                RunOnSqlite,
                concurrentFormLeavesTheTransaction: false),
            MakeRequired => new Proof(
                RequiredChangeCost.TableRebuild,
                ExpectRebuild(MadeRequired(db), "SELECT \"Id\", \"At\", \"Name\", \"Quantity\"\n"),
                new[] { RunOnSqlite }),
            VarcharGrowth => new Proof(
                VarcharGrowthCost.TableRebuild,
                ExpectRebuild(GrownName(db), "\"Name\" TEXT NULL,"),
                new[] { RunOnSqlite }),
            VarcharPrefix => new Proof(null, Array.Empty<string>(), new[] { RunOnSqlite }),
            Renames => RenameProof(db, """ALTER TABLE "Widgets" RENAME COLUMN "Quantity" TO "Amount";""", """ALTER TABLE "Widgets" RENAME TO "Gadgets";""", RunOnSqlite, SqliteRenameColumnDocs),
            TimestampTz => NoSuchType(),
            TimestampTzIsInPlace => new Proof(false, Array.Empty<string>(), Array.Empty<Evidence>()),
            ConstantDefault => NotThisDatabase(false),
            ConstantDefaultFrom => NotThisDatabase(null),
            NotNullFromCheck => NotThisDatabase(false),
            NotNullFromCheckFrom => NotThisDatabase(null),
            InstantAddColumn => NotThisDatabase(false),
            InstantAddColumnFrom => NotThisDatabase(null),
            Embedded => ConnectionProof(db, "SqliteConnection", embedded: true),
            _ => null,
        };
    }

    private static string MadeRequiredWithDefault(DatabaseProvider database)
        => ProviderSql.Generate(database, ProviderOperations.MakeQuantityRequired(0), ProviderOperations.QuantityRequired(0));

    private static string MadeRequired(DatabaseProvider database)
        => ProviderSql.Generate(database, ProviderOperations.MakeQuantityRequired(null), ProviderOperations.QuantityRequired(null));

    private static string AddedWithConstantDefault(DatabaseProvider database)
        => ProviderSql.Generate(database, ProviderOperations.AddRequiredNumber("Stock", defaultValue: 0));

    private static string AddedWithVolatileDefault(DatabaseProvider database)
        => ProviderSql.Generate(database, ProviderOperations.AddRequiredNumber("Draw", defaultValueSql: "floor(random() * 1000)::integer"));

    private static string GrownName(DatabaseProvider database)
        => ProviderSql.Generate(database, ProviderOperations.GrowName(50, 100), ProviderOperations.NameOf100);

    /// <summary>
    /// The provider's own version must be at least the first one the cited change shipped in, and its SQL must fill the
    /// NULLs: the threshold is the cited release, the SQL shows the loaded release has it.
    /// </summary>
    private static Proof ProviderVersionProof(DatabaseProvider database, Version firstFilling, Evidence citation)
    {
        var loaded = Version.Parse(ProviderSql.ProviderPackage(database).Split(' ')[1]);
        Assert.True(loaded >= firstFilling, $"{ProviderSql.ProviderPackage(database)} is older than {firstFilling}");
        var sql = MadeRequiredWithDefault(database);
        Assert.True(FillsTheNulls(sql), "the provider's SQL does not fill the NULLs:\n" + sql);
        return new Proof(firstFilling, Array.Empty<string>(), new[] { citation });
    }

    private static Proof IndexProof(
        DatabaseProvider database,
        string? annotation,
        string plain,
        string? concurrent,
        IndexBuildLocking locking,
        Evidence evidence,
        bool concurrentFormLeavesTheTransaction)
    {
        var emitted = new List<string>(ExpectExactly(ProviderSql.Generate(database, ProviderOperations.CreateQuantityIndex(), ProviderOperations.Plain), plain));

        // The other providers' annotations change nothing: only the provider's own key asks for the concurrent form.
        foreach (var foreign in new[] { "Npgsql:CreatedConcurrently", "SqlServer:Online" }.Where(key => key != annotation))
        {
            ExpectExactly(ProviderSql.Generate(database, ProviderOperations.CreateQuantityIndex(foreign), ProviderOperations.Plain), plain);
        }

        if (annotation is not null && concurrent is not null)
        {
            var commands = ProviderSql.Commands(database, new[] { ProviderOperations.CreateQuantityIndex(annotation) }, ProviderOperations.Plain);
            emitted.AddRange(ExpectExactly(string.Join("\n", commands.Select(command => command.CommandText.Trim() + "\n")), concurrent));
            Assert.Equal(concurrentFormLeavesTheTransaction, Assert.Single(commands).TransactionSuppressed);
        }

        return new Proof(locking, emitted, new[] { evidence });
    }

    private static Proof RenameProof(DatabaseProvider database, string column, string table, params Evidence[] evidence)
    {
        var emitted = ExpectExactly(ProviderSql.Generate(database, ProviderOperations.RenameQuantity(), ProviderOperations.Plain), column)
            .Concat(ExpectExactly(ProviderSql.Generate(database, ProviderOperations.RenameWidgets(), ProviderOperations.Plain), table))
            .ToArray();
        return new Proof(true, emitted, evidence);
    }

    /// <summary>Only PostgreSQL has timestamp and timestamptz: the fact does not apply elsewhere.</summary>
    private static Proof NoSuchType() => new Proof(null, Array.Empty<string>(), Array.Empty<Evidence>());

    /// <summary>
    /// A server-version fact of another database (PostgreSQL's fast defaults and NOT NULL through a CHECK, MySQL's
    /// INSTANT ADD COLUMN): this row claims nothing, so the rules that ask it stay silent here.
    /// </summary>
    private static Proof NotThisDatabase(object? claimed) => new Proof(claimed, Array.Empty<string>(), Array.Empty<Evidence>());

    /// <summary>Embedded means the provider's connection is an in-process library (SQLite opens a database with no server).</summary>
    private static Proof ConnectionProof(DatabaseProvider database, string connectionType, bool embedded)
    {
        using var context = ProviderSql.CreateContext(database, ProviderOperations.Plain);
        var connection = context.Database.GetDbConnection();
        Assert.Equal(connectionType, connection.GetType().Name);
        if (embedded)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            Assert.Equal(1L, command.ExecuteScalar());
        }

        return new Proof(embedded, Array.Empty<string>(), Array.Empty<Evidence>());
    }

    /// <summary>The SQL is exactly these statements (one command each).</summary>
    private static IReadOnlyList<string> ExpectExactly(string sql, params string[] statements)
    {
        Assert.Equal(string.Join("\n", statements.Select(statement => statement + "\n")), sql);
        return statements;
    }

    /// <summary>The SQL holds these statements in this order, and fills the NULLs.</summary>
    private static IReadOnlyList<string> ExpectInOrder(string sql, params string[] statements)
    {
        AssertInOrder(sql, statements);
        Assert.True(FillsTheNulls(sql), sql);
        return statements;
    }

    private static void AssertInOrder(string sql, params string[] statements)
    {
        var position = 0;
        foreach (var statement in statements)
        {
            var found = sql.IndexOf(statement, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"expected, after position {position}:\n{statement}\nin:\n{sql}");
            position = found + statement.Length;
        }
    }

    /// <summary>The SQL holds the statement and nothing that touches the rows (no UPDATE, no copy).</summary>
    private static IReadOnlyList<string> ExpectWithoutBackfill(string sql, string statement)
    {
        Assert.Contains(statement, sql, StringComparison.Ordinal);
        Assert.False(FillsTheNulls(sql), "unexpected backfill:\n" + sql);
        Assert.DoesNotContain("ef_temp_", sql, StringComparison.Ordinal);
        return new[] { statement };
    }

    /// <summary>EF Core's SQLite table rebuild: a new table, a copy of the rows (with <paramref name="copy"/>), a swap.</summary>
    private static IReadOnlyList<string> ExpectRebuild(string sql, string copy)
    {
        var statements = new[]
        {
            """CREATE TABLE "ef_temp_Widgets" (""",
            """INSERT INTO "ef_temp_Widgets" ("Id", "At", "Name", "Quantity")""",
            """DROP TABLE "Widgets";""",
            """ALTER TABLE "ef_temp_Widgets" RENAME TO "Widgets";""",
        };
        AssertInOrder(sql, statements);
        Assert.Contains(copy, sql, StringComparison.Ordinal);
        return new[] { statements[0] + " …", copy.Trim() + " …", statements[2], statements[3] };
    }

    private static bool FillsTheNulls(string sql)
        => System.Text.RegularExpressions.Regex.IsMatch(sql, @"UPDATE\s.*\sWHERE\s.*\sIS NULL", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            || sql.Contains("IFNULL(", StringComparison.OrdinalIgnoreCase)
            || sql.Contains("COALESCE(", StringComparison.OrdinalIgnoreCase);
}
