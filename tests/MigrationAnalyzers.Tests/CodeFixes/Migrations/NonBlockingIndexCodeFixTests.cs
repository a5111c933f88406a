using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Rules.Migrations;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

public class NonBlockingIndexCodeFixTests
{
    private const string Id = "20240301090000_IndexOrders";

    private static async Task RunAsync(ReferenceAssemblies references, string up, string fixedUp, string? equivalenceKey = null, string down = "")
    {
        var test = new CodeFixTest<BlockingIndexChangeAnalyzer, NonBlockingIndexCodeFix> { ReferenceAssemblies = references };
        EfMigrationSources.Add(test.TestState, Id, "IndexOrders", up, down);
        EfMigrationSources.Add(test.FixedState, Id, "IndexOrders", fixedUp, down);
        test.CodeActionEquivalenceKey = equivalenceKey;
        test.CodeActionValidationMode = CodeActionValidationMode.SemanticStructure;
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>The fixed migration that the PostgreSQL execution test runs (see ConcurrentIndexOnPostgresTests).</summary>
    public const string FixedCreateIndex = """
                    migrationBuilder.CreateIndex(
                        name: "IX_Orders_CustomerId",
                        table: "Orders",
                        column: "CustomerId")
                        .Annotation("Npgsql:CreatedConcurrently", true);
        """;

    /// <summary>The fixed drop that the PostgreSQL execution test runs.</summary>
    public const string FixedDropIndex = """
                    migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"IX_Orders_CustomerId\";", suppressTransaction: true);
        """;

    [Fact]
    public void The_PostgreSQL_execution_test_runs_exactly_what_the_fix_writes()
    {
        var migrations = System.IO.File.ReadAllText(System.IO.Path.Combine(
            RepositoryPaths.Root, "tests", "MigrationAnalyzers.Tests", "Execution", "Postgres", "OrderContexts.cs"));
        Assert.Contains(Normalize(FixedCreateIndex), Normalize(migrations), System.StringComparison.Ordinal);
        Assert.Contains(Normalize(FixedDropIndex), Normalize(migrations), System.StringComparison.Ordinal);

        static string Normalize(string code) => System.Text.RegularExpressions.Regex.Replace(code, @"\s+", " ").Trim();
    }

    [Fact]
    public async Task Npgsql_index_gets_the_concurrent_annotation_on_a_line_of_its_own()
    {
        await RunAsync(
            TestReferences.EfCoreNpgsql,
            """
                        {|MIG1060:migrationBuilder.CreateIndex(
                            name: "IX_Orders_CustomerId",
                            table: "Orders",
                            column: "CustomerId")|};
            """,
            FixedCreateIndex,
            NonBlockingIndexCodeFix.ConcurrentlyKey);
    }

    /// <summary>
    /// MIG1193's fix, when it ran first, left SET LOCAL lock_timeout before the index: it goes (SET LOCAL ends with the
    /// transaction the concurrent build runs outside of), so both orders of the two fixes give this same text.
    /// </summary>
    [Theory]
    [InlineData(NonBlockingIndexCodeFix.ConcurrentlyKey)]
    [InlineData(NonBlockingIndexCodeFix.DropConcurrentlyKey)]
    public async Task Npgsql_index_change_after_a_lock_timeout_setting_loses_the_setting(string key)
    {
        var create = key == NonBlockingIndexCodeFix.ConcurrentlyKey;
        await RunAsync(
            TestReferences.EfCoreNpgsql,
            create
                ? """
                            migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                            {|MIG1060:migrationBuilder.CreateIndex(
                                name: "IX_Orders_CustomerId",
                                table: "Orders",
                                column: "CustomerId")|};
                """
                : """
                            migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                            {|MIG1060:migrationBuilder.DropIndex(
                                name: "IX_Orders_CustomerId",
                                table: "Orders")|};
                """,
            create ? FixedCreateIndex : FixedDropIndex,
            key);
    }

    [Fact]
    public async Task Npgsql_concurrent_annotation_set_to_false_is_switched_on()
    {
        await RunAsync(
            TestReferences.EfCoreNpgsql,
            """
                        {|MIG1060:migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")
                            .Annotation("Npgsql:CreatedConcurrently", false)
                            .Annotation("Npgsql:IndexMethod", "btree")|};
            """,
            """
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")
                            .Annotation("Npgsql:CreatedConcurrently", true)
                            .Annotation("Npgsql:IndexMethod", "btree");
            """);
    }

    [Fact]
    public async Task SqlServer_index_gets_the_online_annotation()
    {
        await RunAsync(
            TestReferences.EfCoreSqlServer,
            """
                        {|MIG1060:migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")|};
            """,
            """
                        migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")
                            .Annotation("SqlServer:Online", true);
            """,
            NonBlockingIndexCodeFix.OnlineKey);
    }

    [Fact]
    public async Task Npgsql_drop_index_becomes_a_concurrent_drop_outside_the_transaction()
    {
        await RunAsync(
            TestReferences.EfCoreNpgsql,
            """
                        {|MIG1060:migrationBuilder.DropIndex(
                            name: "IX_Orders_Legacy",
                            schema: "sales",
                            table: "Orders")|};
            """,
            """
                        migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"sales\".\"IX_Orders_Legacy\";", suppressTransaction: true);
            """,
            NonBlockingIndexCodeFix.DropConcurrentlyKey);
    }

    [Fact]
    public async Task Npgsql_drop_index_without_schema()
    {
        await RunAsync(
            TestReferences.EfCoreNpgsql,
            """
                        {|MIG1060:migrationBuilder.DropIndex(
                            name: "IX_Orders_CustomerId",
                            table: "Orders")|};
            """,
            FixedDropIndex,
            NonBlockingIndexCodeFix.DropConcurrentlyKey);
    }

    // Two concurrent builds would each run outside the transaction, together with the other (MIG1070): the page's
    // first step (a migration of its own for each) comes before the annotation, so no fix is offered here.
    [Fact]
    public async Task Two_indexes_in_one_migration_get_no_concurrent_fix()
    {
        var test = new CodeFixTest<BlockingIndexChangeAnalyzer, NonBlockingIndexCodeFix> { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        const string up = """
                        {|MIG1060:migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")|};
                        {|MIG1060:migrationBuilder.CreateIndex(name: "IX_Orders_PlacedAt", table: "Orders", column: "PlacedAt")|};
            """;
        EfMigrationSources.Add(test.TestState, Id, "IndexOrders", up);
        EfMigrationSources.Add(test.FixedState, Id, "IndexOrders", up);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>An expression-bodied Up: the chain is not a statement of its own, which the fix does not rewrite.</summary>
    [Fact]
    public async Task FluentMigrator_expression_bodied_Up_gets_no_fix()
    {
        var test = new CodeFixTest<BlockingIndexChangeAnalyzer, NonBlockingIndexCodeFix> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        var source = """
            using FluentMigrator;

            [Migration(42)]
            public class IndexOrders : Migration
            {
                public override void Up() => {|MIG1060:Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending()|};

                public override void Down() => Delete.Index("IX_Orders_CustomerId").OnTable("Orders");
            }
            """;
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(source);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// PostgreSQL: the extension's AsConcurrently() on a line of its own, its namespace imported, and the migration
    /// without a transaction (PostgreSQL refuses CREATE INDEX CONCURRENTLY inside one).
    /// </summary>
    [Fact]
    public async Task FluentMigrator_index_on_PostgreSQL_is_built_concurrently_without_a_transaction()
    {
        var test = new CodeFixTest<BlockingIndexChangeAnalyzer, NonBlockingIndexCodeFix> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.TestState.Sources.Add("""
            using FluentMigrator;

            [Migration(42)]
            public class IndexOrders : Migration
            {
                public override void Up()
                {
                    {|MIG1060:Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending()|};
                }

                public override void Down()
                {
                    Delete.Index("IX_Orders_CustomerId").OnTable("Orders");
                }
            }
            """);
        test.FixedState.Sources.Add("""
            using FluentMigrator;
            using FluentMigrator.Postgres;

            [Migration(42, TransactionBehavior.None)]
            public class IndexOrders : Migration
            {
                public override void Up()
                {
                    Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending()
                        .WithOptions().AsConcurrently();
                }

                public override void Down()
                {
                    Delete.Index("IX_Orders_CustomerId").OnTable("Orders");
                }
            }
            """);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>SQL Server: Online() from FluentMigrator.Extensions.SqlServer; the transaction stays.</summary>
    [Fact]
    public async Task FluentMigrator_index_on_SQL_Server_is_built_online()
    {
        var test = new CodeFixTest<BlockingIndexChangeAnalyzer, NonBlockingIndexCodeFix> { ReferenceAssemblies = TestReferences.FluentMigratorSqlServer };
        test.TestState.Sources.Add("""
            using FluentMigrator;

            [Migration(42)]
            public class IndexOrders : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders").AddColumn("Note").AsString(200).Nullable();
                    {|MIG1060:Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending()|};
                }

                public override void Down()
                {
                    Delete.Index("IX_Orders_CustomerId").OnTable("Orders");
                    Delete.Column("Note").FromTable("Orders");
                }
            }
            """);
        test.FixedState.Sources.Add("""
            using FluentMigrator;
            using FluentMigrator.SqlServer;

            [Migration(42)]
            public class IndexOrders : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders").AddColumn("Note").AsString(200).Nullable();
                    Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending()
                        .WithOptions().Online();
                }

                public override void Down()
                {
                    Delete.Index("IX_Orders_CustomerId").OnTable("Orders");
                    Delete.Column("Note").FromTable("Orders");
                }
            }
            """);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Not offered on PostgreSQL next to another operation (without a transaction, a failure would leave half of the
    /// migration applied: MIG1070), nor without FluentMigrator.Extensions.Postgres, whose AsConcurrently() it writes.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FluentMigrator_index_on_PostgreSQL_gets_no_fix_next_to_other_operations_or_without_the_extension(bool besideAnother)
    {
        var test = new CodeFixTest<BlockingIndexChangeAnalyzer, NonBlockingIndexCodeFix>
        {
            ReferenceAssemblies = besideAnother ? TestReferences.FluentMigratorPostgres : TestReferences.FluentMigrator,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\nmigration_analyzers.target_database = postgresql\n"));
        var other = besideAnother ? "\n            Alter.Table(\"Orders\").AddColumn(\"Note\").AsString(200).Nullable();" : string.Empty;
        var source = $$"""
            using FluentMigrator;

            [Migration(42)]
            public class IndexOrders : Migration
            {
                public override void Up()
                {{{other}}
                    {|MIG1060:Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending()|};
                }

                public override void Down()
                {
                    Delete.Index("IX_Orders_CustomerId").OnTable("Orders");
                }
            }
            """;
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(source);
        await test.RunAsync(CancellationToken.None);
    }
}
