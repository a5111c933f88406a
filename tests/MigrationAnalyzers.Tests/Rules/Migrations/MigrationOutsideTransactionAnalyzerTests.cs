using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.MigrationOutsideTransactionAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class MigrationOutsideTransactionAnalyzerTests
{
    private const string Id = "20240401090000_BackfillOrders";

    private static DiagnosticResult Diagnostic(int location, string migration, string what, int others)
        => new DiagnosticResult("MIG1070", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(migration, what, others.ToString());

    private static Task RunEfAsync(ReferenceAssemblies references, string up, string down, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = references };
        EfMigrationSources.Add(test.TestState, Id, "BackfillOrders", up, down);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Sql_without_transaction_next_to_other_operations_is_reported()
    {
        await RunEfAsync(
            TestReferences.EfCore,
            """
                        migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", nullable: true);

                        {|#0:migrationBuilder.Sql(
                            @"UPDATE ""Orders"" SET ""Total"" = 0 WHERE ""Total"" IS NULL;",
                            suppressTransaction: true)|};
            """,
            """
                        migrationBuilder.DropColumn(name: "Total", table: "Orders");
            """,
            Diagnostic(0, "BackfillOrders", "this SQL", 1));
    }

    [Fact]
    public async Task Sql_without_transaction_alone_is_silent()
    {
        const string BuildIndex = """
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"IX_Orders_Total\" ON \"Orders\" (\"Total\");", suppressTransaction: true);
            """;
        await RunEfAsync(
            TestReferences.EfCore,
            BuildIndex,
            """
                        migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"IX_Orders_Total\";", suppressTransaction: true);
            """);
    }

    [Fact]
    public async Task Transactional_sql_is_silent()
    {
        await RunEfAsync(
            TestReferences.EfCore,
            """
                        migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", nullable: true);
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Total\" = 0;", suppressTransaction: false);
            """,
            string.Empty);
    }

    [Fact]
    public async Task Npgsql_concurrent_index_next_to_other_operations_is_reported_in_Up_and_Down()
    {
        await RunEfAsync(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", type: "integer", nullable: true);

                        {|#0:migrationBuilder.CreateIndex(name: "IX_Orders_Total", table: "Orders", column: "Total")
                            .Annotation("Npgsql:CreatedConcurrently", true)|};
            """,
            """
                        {|#1:migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"IX_Orders_Total\";", suppressTransaction: true)|};
                        migrationBuilder.DropColumn(name: "Total", table: "Orders");
            """,
            Diagnostic(0, "BackfillOrders", "this concurrent index build", 1),
            Diagnostic(1, "BackfillOrders", "this SQL", 1));
    }

    private static Task RunFluentAsync(string attribute, string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        test.TestState.Sources.Add(("/0/Migrations/M0042_BackfillOrders.cs", $$"""
            using FluentMigrator;

            namespace Shop.Migrations
            {
                {{attribute}}
                public class BackfillOrders : Migration
                {
                    public override void Up()
                    {
            {{up}}
                    }

                    public override void Down()
                    {
                        Delete.Column("Total").FromTable("Orders");
                    }
                }
            }
            """));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_TransactionBehavior_None_with_several_operations_is_reported_on_the_attribute()
    {
        await RunFluentAsync(
            "[{|#0:Migration(42, TransactionBehavior.None, \"backfill\")|}]",
            """
                        Alter.Table("Orders").AddColumn("Total").AsInt32().Nullable();
                        Execute.Sql("UPDATE \"Orders\" SET \"Total\" = 0;");
            """,
            Diagnostic(0, "BackfillOrders", "all its operations (TransactionBehavior.None)", 1));
    }

    [Fact]
    public async Task FluentMigrator_TransactionBehavior_None_with_one_operation_is_silent()
    {
        await RunFluentAsync(
            "[Migration(42, TransactionBehavior.None)]",
            """
                        Execute.Sql("CREATE INDEX CONCURRENTLY \"IX_Orders_Total\" ON \"Orders\" (\"Total\");");
            """);
    }

    [Fact]
    public async Task FluentMigrator_default_transaction_is_silent()
    {
        await RunFluentAsync(
            "[Migration(42)]",
            """
                        Alter.Table("Orders").AddColumn("Total").AsInt32().Nullable();
                        Execute.Sql("UPDATE \"Orders\" SET \"Total\" = 0;");
            """);
    }

    [Fact]
    public async Task Baseline_is_honoured()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCore };
        EfMigrationSources.Add(test.TestState, Id, "BackfillOrders", """
                        migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", nullable: true);
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Total\" = 0;", suppressTransaction: true);
            """, string.Empty);
        test.WithEditorConfig("migration_analyzers.baseline = 20240401090000\n");
        await test.RunAsync(CancellationToken.None);
    }
}
