using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.LockingDdlWithoutLockTimeoutAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>MIG1193 (opt-in): a PostgreSQL migration that takes table locks without setting lock_timeout first, and its fix.</summary>
public class LockingDdlWithoutLockTimeoutAnalyzerTests
{
    private const string Id = "20240901090000_AddOrderNote";

    private const string Fixable = "start Up with SET LOCAL lock_timeout = '5s', so it fails fast instead and can be retried";

    private static DiagnosticResult Diagnostic(int location, string migration, string what, string advice)
        => new DiagnosticResult("MIG1193", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(migration, what, advice);

    private static AnalyzerTest Test(string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        EfMigrationSources.Add(test.TestState, Id, "AddOrderNote", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    /// <summary>The migration the fix test starts from and the PostgreSQL execution test runs (before and after the fix).</summary>
    public const string Up = """
                    {|#0:migrationBuilder.AddColumn<string>(
                        name: "Note",
                        table: "Orders",
                        type: "text",
                        nullable: true)|};
        """;

    /// <summary>What the fix writes; the PostgreSQL execution test runs exactly this (see LockTimeoutOnPostgresTests).</summary>
    public const string FixedUp = """
                    migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                    migrationBuilder.AddColumn<string>(
                        name: "Note",
                        table: "Orders",
                        type: "text",
                        nullable: true);
        """;

    [Fact]
    public async Task The_first_lock_on_an_existing_table_is_reported_once()
    {
        await Test(
            """
                        migrationBuilder.CreateTable(name: "Tags", columns: table => new { Id = table.Column<long>(type: "bigint", nullable: false) });
                        migrationBuilder.CreateIndex(name: "IX_Tags_Id", table: "Tags", column: "Id");
                        {|#0:migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "text", nullable: true)|};
                        migrationBuilder.CreateIndex(name: "IX_Orders_Note", table: "Orders", column: "Note");
            """,
            Diagnostic(0, "AddOrderNote", "table 'Orders'", Fixable)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Raw_SQL_locks_count_and_a_lock_timeout_set_first_silences_the_rule()
    {
        await Test(
            """
                        migrationBuilder.Sql("CREATE TABLE audit (id bigint); ALTER TABLE audit ADD note text;");
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Note\" = '' WHERE \"Note\" IS NULL;");
                        {|#0:migrationBuilder.Sql("ALTER TABLE ONLY public.\"Orders\" ADD COLUMN \"Flag\" boolean;")|};
            """,
            Diagnostic(0, "AddOrderNote", "table 'public.Orders'", Fixable)).RunAsync(CancellationToken.None);

        await Test("""
                        migrationBuilder.Sql("SET LOCAL lock_timeout = '2s';");
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "text", nullable: true);
            """).RunAsync(CancellationToken.None);

        // VALIDATE CONSTRAINT waits with a lock that reads and writes pass.
        await Test("""
                        migrationBuilder.Sql("ALTER TABLE \"Orders\" VALIDATE CONSTRAINT \"FK_Orders_Customers\";");
            """).RunAsync(CancellationToken.None);

        await Test(
            """
                        {|#0:migrationBuilder.Sql("DROP INDEX ix_orders_flag;")|};
            """,
            Diagnostic(0, "AddOrderNote", "the table of the index it drops", Fixable)).RunAsync(CancellationToken.None);

        await Test("""
                        migrationBuilder.Sql("SELECT set_config('lock_timeout', '3s', true);");
                        migrationBuilder.Sql("LOCK TABLE \"Orders\" IN SHARE MODE;");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Concurrent_index_and_new_tables_are_silent_and_suppressed_transactions_leave_no_fix()
    {
        await Test("""
                        migrationBuilder.CreateIndex(name: "IX_Orders_Note", table: "Orders", column: "Note")
                            .Annotation("Npgsql:CreatedConcurrently", true);
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix_orders_flag ON \"Orders\" (\"Flag\");", suppressTransaction: true);
            """).RunAsync(CancellationToken.None);

        await Test(
            """
                        {|#0:migrationBuilder.DropColumn(name: "Legacy", table: "Orders")|};
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix_orders_flag ON \"Orders\" (\"Flag\");", suppressTransaction: true);
            """,
            Diagnostic(0, "AddOrderNote", "table 'Orders'",
                "set lock_timeout before it; no fix is offered, because part of Up runs outside the migration's transaction (suppressTransaction or a concurrent index), and SET LOCAL ends with the transaction")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Single_instance_and_other_databases_are_silent()
    {
        var single = Test("""
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "text", nullable: true);
            """);
        single.WithEditorConfig("migration_analyzers.deployment = single_instance\n");
        await single.RunAsync(CancellationToken.None);

        var sqlServer = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreSqlServer };
        EfMigrationSources.Add(sqlServer.TestState, Id, "AddOrderNote", """
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "nvarchar(max)", nullable: true);
            """);
        await sqlServer.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_starts_EF_Core_Up_with_SET_LOCAL_lock_timeout()
    {
        var test = new CodeFixTest<LockingDdlWithoutLockTimeoutAnalyzer, LockTimeoutCodeFix> { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        EfMigrationSources.Add(test.TestState, Id, "AddOrderNote", Up);
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(0, "AddOrderNote", "table 'Orders'", Fixable));
        EfMigrationSources.Add(test.FixedState, Id, "AddOrderNote", FixedUp);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_uses_the_configured_timeout()
    {
        var test = new CodeFixTest<LockingDdlWithoutLockTimeoutAnalyzer, LockTimeoutCodeFix> { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        test.WithEditorConfig("migration_analyzers.MIG1193.lock_timeout = 750ms\n");
        EfMigrationSources.Add(test.TestState, Id, "AddOrderNote", Up);
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(0, "AddOrderNote", "table 'Orders'", "start Up with SET LOCAL lock_timeout = '750ms', so it fails fast instead and can be retried"));
        EfMigrationSources.Add(test.FixedState, Id, "AddOrderNote", FixedUp.Replace("'5s'", "'750ms'"));
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>The FluentMigrator migration the fix test starts from; the PostgreSQL execution test runs the fixed one.</summary>
    public const string FmUp = """
                    {|#0:Alter.Table("orders").AddColumn("note").AsString().Nullable()|};
                    Create.Index("ix_orders_note").OnTable("orders").OnColumn("note");
        """;

    public const string FmFixedUp = """
                    Execute.Sql("SET LOCAL lock_timeout = '5s';");
                    Alter.Table("orders").AddColumn("note").AsString().Nullable();
                    Create.Index("ix_orders_note").OnTable("orders").OnColumn("note");
        """;

    private const string FmDown = """
                    Delete.Index("ix_orders_note").OnTable("orders");
                    Delete.Column("note").FromTable("orders");
        """;

    [Fact]
    public async Task Fix_starts_FluentMigrator_Up_with_Execute_Sql()
    {
        var test = new CodeFixTest<LockingDdlWithoutLockTimeoutAnalyzer, LockTimeoutCodeFix> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.TestState.Sources.Add(SchemaSafetySources.FmMigration("AddOrderNote", 90, FmUp, FmDown));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(0, "AddOrderNote", "table 'orders'", Fixable));
        test.FixedState.Sources.Add(SchemaSafetySources.FmMigration("AddOrderNote", 90, FmFixedUp, FmDown));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_without_a_transaction_gets_no_fix()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.TestState.Sources.Add(("/0/Migrations/AddOrderNote.cs", """
            using FluentMigrator;

            [Migration(90, TransactionBehavior.None)]
            public class AddOrderNote : Migration
            {
                public override void Up()
                {
                    {|#0:Alter.Table("orders").AddColumn("note").AsString().Nullable()|};
                }

                public override void Down()
                {
                    Delete.Column("note").FromTable("orders");
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "AddOrderNote", "table 'orders'",
            "set lock_timeout before it; no fix is offered, because the migration runs without a transaction (TransactionBehavior.None), where SET LOCAL has no effect"));
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>FluentMigrator's AsConcurrently() builds without blocking writes, as Npgsql's annotation does: silent.</summary>
    [Fact]
    public async Task FluentMigrator_concurrent_index_is_silent()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.TestState.Sources.Add(("/0/Migrations/IndexOrders.cs", """
            using FluentMigrator;
            using FluentMigrator.Postgres;

            [Migration(90, TransactionBehavior.None)]
            public class IndexOrders : Migration
            {
                public override void Up()
                {
                    Create.Index("ix_orders_status").OnTable("orders").OnColumn("status").Ascending()
                        .WithOptions().AsConcurrently();
                }

                public override void Down()
                {
                    Delete.Index("ix_orders_status").OnTable("orders");
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }
}
