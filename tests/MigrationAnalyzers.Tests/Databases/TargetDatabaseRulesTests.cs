using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Rules.Migrations;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// Rules on the target database the policy decides, in a migrations project that references every EF Core provider:
/// each operation is judged for its own database only, once, and rolling-only rules stay silent for a single instance.
/// </summary>
public class TargetDatabaseRulesTests
{
    private const string Id = "20240301090000_Change";

    private const string PostgresCreate = "is built without CONCURRENTLY: PostgreSQL blocks writes to the table until the build ends";

    private static Infrastructure.AnalyzerTest<TAnalyzer> Test<TAnalyzer>(string up, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new Infrastructure.AnalyzerTest<TAnalyzer> { ReferenceAssemblies = TestReferences.EfCoreAllProviders };
        EfMigrationSources.Add(test.TestState, Id, "Change", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static DiagnosticResult Index(string index, string columns, string table, string problem)
        => new DiagnosticResult("MIG1060", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(index, columns, table, problem);

    [Fact]
    public async Task A_PostgreSQL_migration_gets_one_MIG1060_for_PostgreSQL_and_none_for_SQL_Server()
    {
        await Test<BlockingIndexChangeAnalyzer>(
            """
                        migrationBuilder.AddColumn<Guid>(name: "CustomerKey", table: "Orders", type: "uuid", nullable: true);
                        {|#0:migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")|};
            """,
            Index("IX_Orders_CustomerId", " (CustomerId)", "existing table 'Orders'", PostgresCreate)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_SQLite_migration_gets_no_lock_advice_even_under_a_rolling_deployment()
    {
        await Test<BlockingIndexChangeAnalyzer>("""
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "TEXT", nullable: true);
                        migrationBuilder.CreateIndex(name: "IX_Orders_Note", table: "Orders", column: "Note");
                        migrationBuilder.DropIndex(name: "IX_Orders_Legacy", table: "Orders");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_MySQL_migration_gets_no_index_lock_advice_InnoDB_builds_online()
    {
        await Test<BlockingIndexChangeAnalyzer>("""
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "longtext", nullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4");
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_unknown_database_gets_no_provider_specific_advice()
    {
        await Test<BlockingIndexChangeAnalyzer>("""
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
                        migrationBuilder.DropIndex(name: "IX_Orders_Legacy", table: "Orders");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_setting_decides_against_the_evidence()
    {
        await Test<BlockingIndexChangeAnalyzer>(
            """
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "TEXT", nullable: true);
                        {|#0:migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")|};
            """,
            Index("IX_Orders_CustomerId", " (CustomerId)", "existing table 'Orders'", "is built without ONLINE = ON: SQL Server blocks writes to the table until the build ends"))
            .WithEditorConfig("migration_analyzers.target_database = sqlserver\n")
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_single_instance_deployment_silences_index_lock_advice_on_PostgreSQL()
    {
        await Test<BlockingIndexChangeAnalyzer>("""
                        migrationBuilder.AddColumn<Guid>(name: "CustomerKey", table: "Orders", type: "uuid", nullable: true);
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
            """)
            .WithEditorConfig("migration_analyzers.deployment = single_instance\n")
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Several_index_statements_in_one_SQL_operation_get_one_diagnostic()
    {
        await Test<BlockingIndexChangeAnalyzer>(
            """
                        {|#0:migrationBuilder.Sql("CREATE INDEX \"IX_Orders_A\" ON \"Orders\" (\"A\"); CREATE INDEX \"IX_Orders_B\" ON \"Orders\" (\"B\");")|};
            """,
            Index("IX_Orders_A", string.Empty, "existing table 'Orders'", "is built by CREATE INDEX without CONCURRENTLY: PostgreSQL blocks writes to the table until the build ends (and 1 more index statement(s) in this SQL)"))
            .WithEditorConfig("migration_analyzers.target_database = postgresql\n")
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SQL_that_fails_in_the_transaction_is_left_to_MIG1150()
    {
        // CONCURRENTLY inside the migration's transaction fails the whole migration: MIG1150 reports it, not MIG1060 too.
        await Test<BlockingIndexChangeAnalyzer>("""
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY \"IX_Orders_A\" ON \"Orders\" (\"A\"); CREATE INDEX \"IX_Orders_B\" ON \"Orders\" (\"B\");");
            """)
            .WithEditorConfig("migration_analyzers.target_database = postgresql\n")
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_foreign_key_and_a_unique_constraint_in_one_SQL_operation_get_only_MIG1130()
    {
        const string Sql = """
                        {|#0:migrationBuilder.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"FK_Orders_Customers\" FOREIGN KEY (\"CustomerId\") REFERENCES \"Customers\" (\"Id\"); ALTER TABLE \"Orders\" ADD CONSTRAINT \"UQ_Orders_Code\" UNIQUE (\"Code\");")|};
            """;
        await Test<ConstraintValidatedAtOnceAnalyzer>(Sql.Replace("{|#0:", string.Empty).Replace(")|};", ");"))
            .WithEditorConfig("migration_analyzers.target_database = postgresql\n")
            .RunAsync(CancellationToken.None);
        await Test<UniqueConstraintWithoutIndexAnalyzer>(
                Sql,
                new DiagnosticResult("MIG1130", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Unique constraint", "UQ_Orders_Code", "Orders"))
            .WithEditorConfig("migration_analyzers.target_database = postgresql\n")
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Two_foreign_keys_in_one_SQL_operation_get_one_MIG1120()
    {
        await Test<ConstraintValidatedAtOnceAnalyzer>(
                """
                        {|#0:migrationBuilder.Sql("ALTER TABLE orders ADD CONSTRAINT fk_a FOREIGN KEY (a_id) REFERENCES a (id); ALTER TABLE orders ADD CONSTRAINT fk_b FOREIGN KEY (b_id) REFERENCES b (id);")|};
            """,
                new DiagnosticResult("MIG1120", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Foreign key", "fk_a", "orders"))
            .WithEditorConfig("migration_analyzers.target_database = postgresql\n")
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_rename_on_SQLite_is_silent_by_default_and_reported_under_a_rolling_deployment()
    {
        const string Up = """
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "TEXT", nullable: true);
                        {|#0:migrationBuilder.RenameColumn(name: "Comment", table: "Orders", newName: "Remark")|};
            """;
        await Test<OneStepRenameAnalyzer>(Up.Replace("{|#0:", string.Empty).Replace(")|};", ");"))
            .WithDefaultDeployment()
            .RunAsync(CancellationToken.None);
        await Test<OneStepRenameAnalyzer>(Up, new DiagnosticResult("MIG1040", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("column", "Orders.Comment", "Remark", RenameNoFix.OnSqlite))
            .WithDefaultDeployment()
            .WithEditorConfig("migration_analyzers.deployment = rolling\n")
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_rename_on_an_unknown_database_defaults_to_rolling()
    {
        await Test<OneStepRenameAnalyzer>(
                """
                        {|#0:migrationBuilder.RenameColumn(name: "Comment", table: "Orders", newName: "Remark")|};
            """,
                new DiagnosticResult("MIG1040", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("column", "Orders.Comment", "Remark", RenameNoFix.OnUnknownDatabase))
            .WithDefaultDeployment()
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_FluentMigrator_history_that_also_ships_on_SQLite_defaults_to_a_single_instance()
    {
        static Infrastructure.AnalyzerTest<OneStepRenameAnalyzer> FmTest(string sqliteStep, params DiagnosticResult[] expected)
        {
            var test = new Infrastructure.AnalyzerTest<OneStepRenameAnalyzer> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
            test.TestState.Sources.Add(("/0/Migrations/Migrations.cs", $$"""
                using FluentMigrator;

                namespace Shop.Migrations
                {
                    [Migration(1)]
                    public class Compact : Migration
                    {
                        public override void Up() => {{sqliteStep}};
                        public override void Down() { }
                    }

                    [Migration(2)]
                    public class RenameComment : Migration
                    {
                        public override void Up() => {|#0:Rename.Column("Comment").OnTable("Orders").To("Remark")|};
                        public override void Down() => Rename.Column("Remark").OnTable("Orders").To("Comment");
                    }
                }
                """));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.WithDefaultDeployment();
        }

        // IfDatabase("sqlite") anywhere in the history: an embedded edition exists, so one process migrates at start-up.
        await FmTest("IfDatabase(\"sqlite\").Execute.Sql(\"VACUUM\")")
            .RunAsync(CancellationToken.None);
        await FmTest("IfDatabase(\"postgres\").Execute.Sql(\"VACUUM\")",
                new DiagnosticResult("MIG1040", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("column", "Orders.Comment", "Remark", RenameNoFix.ColumnNotInHistory))
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MySQL_varchar_growth_across_255_bytes_copies_the_table()
    {
        await Test<RiskyColumnTypeChangeAnalyzer>(
            """
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Code", table: "Orders", type: "varchar(64)", maxLength: 64, nullable: true,
                            oldClrType: typeof(string), oldType: "varchar(63)", oldMaxLength: 63, oldNullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4")|};
                        migrationBuilder.AlterColumn<string>(name: "Name", table: "Orders", type: "varchar(63)", maxLength: 63, nullable: true,
                            oldClrType: typeof(string), oldType: "varchar(32)", oldMaxLength: 32, oldNullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4");
            """,
            new DiagnosticResult("MIG1050", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "Orders",
                "Code",
                "lengthening it from 63 to 64 characters crosses MySQL's 255-byte length prefix (4 bytes per utf8mb4 character), so InnoDB copies the whole table")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_unknown_database_gets_no_rewrite_claim_but_still_the_narrowing()
    {
        await Test<RiskyColumnTypeChangeAnalyzer>(
            """
                        migrationBuilder.AlterColumn<long>(name: "Total", table: "Orders", nullable: false, oldClrType: typeof(int));
                        {|#0:migrationBuilder.AlterColumn<int>(name: "Count", table: "Orders", nullable: false, oldClrType: typeof(long))|};
            """,
            new DiagnosticResult("MIG1050", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                "Orders",
                "Count",
                "narrowing it from 64-bit integer to 32-bit integer fails on values that do not fit")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Making_a_backfilled_column_NOT_NULL_gets_lock_advice_on_SQL_Server_but_not_on_MySQL()
    {
        const string Up = """
                        migrationBuilder.Sql("UPDATE Orders SET Note = '' WHERE Note IS NULL;");
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Note", table: "Orders", maxLength: 200, nullable: false,
                            oldClrType: typeof(string), oldMaxLength: 200, oldNullable: true)|};
            """;
        await Test<RiskyColumnTypeChangeAnalyzer>(
                Up,
                new DiagnosticResult("MIG1050", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                    "Orders",
                    "Note",
                    "SQL Server checks every row for NULL while holding a schema-modification lock that blocks reads and writes"))
            .WithEditorConfig("migration_analyzers.target_database = sqlserver\n")
            .RunAsync(CancellationToken.None);
        await Test<RiskyColumnTypeChangeAnalyzer>(Up.Replace("{|#0:", string.Empty).Replace(")|};", ");"))
            .WithEditorConfig("migration_analyzers.target_database = mysql\n")
            .RunAsync(CancellationToken.None);
    }
}
