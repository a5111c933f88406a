using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Sql;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class ConcurrentIndexInTransactionAnalyzerTests
{
    private const string Id = "20240901090000_IndexOrderTotals";
    private const string EfRemedy = "pass suppressTransaction: true and keep the statement alone in its migration";
    private const string FluentRemedy = "mark the migration [Migration(version, TransactionBehavior.None)] and keep the statement alone in it";

    private static DiagnosticResult Diagnostic(int location, string what, string remedy)
        => new DiagnosticResult("MIG1150", DiagnosticSeverity.Error).WithLocation(location).WithArguments(what, remedy);

    [Theory]
    [InlineData("create unique index concurrently if not exists ix on t (c)", "CREATE INDEX CONCURRENTLY")]
    [InlineData("SELECT 1; DROP INDEX CONCURRENTLY ix", "DROP INDEX CONCURRENTLY")]
    [InlineData("REINDEX (VERBOSE) TABLE CONCURRENTLY t", "REINDEX CONCURRENTLY")]
    [InlineData("CREATE INDEX ix ON t (c) -- CONCURRENTLY later", null)]
    [InlineData("SELECT 'CREATE INDEX CONCURRENTLY ix ON t (c)'", null)]
    public void Finds_statements_that_cannot_run_in_a_transaction(string sql, string? expected)
        => Assert.Equal(expected, IndexStatementFinder.FindFirstConcurrent(sql));

    [Fact]
    public async Task EF_raw_sql_with_concurrently_inside_the_transaction_is_an_error_in_Up_and_Down()
    {
        var test = new Infrastructure.AnalyzerTest<ConcurrentIndexInTransactionAnalyzer>();
        EfMigrationSources.Add(test.TestState, Id, "IndexOrderTotals", """
                        {|#0:migrationBuilder.Sql(@"CREATE INDEX CONCURRENTLY ""IX_Orders_Total"" ON ""Orders"" (""Total"");")|};
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY \"IX_Orders_Code\" ON \"Orders\" (\"Code\");", suppressTransaction: true);
                        migrationBuilder.Sql("CREATE INDEX \"IX_Orders_Note\" ON \"Orders\" (\"Note\");");
            """, """
                        {|#1:migrationBuilder.Sql("DROP INDEX CONCURRENTLY \"IX_Orders_Total\";", false)|};
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(0, "CREATE INDEX CONCURRENTLY", EfRemedy));
        test.ExpectedDiagnostics.Add(Diagnostic(1, "DROP INDEX CONCURRENTLY", EfRemedy));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_concurrently_needs_TransactionBehavior_None()
    {
        var test = new Infrastructure.AnalyzerTest<ConcurrentIndexInTransactionAnalyzer> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.TestState.Sources.Add(("/0/Migrations/M0090.cs", """
            using FluentMigrator;
            using FluentMigrator.Postgres;

            [Migration(90)]
            public class IndexOrderTotals : Migration
            {
                public override void Up()
                    => {|#0:Create.Index("IX_Orders_Total").OnTable("Orders").OnColumn("Total").Ascending().WithOptions().AsConcurrently()|};

                public override void Down()
                    => {|#1:Execute.Sql("DROP INDEX CONCURRENTLY \"IX_Orders_Total\";")|};
            }

            [Migration(91, TransactionBehavior.None)]
            public class IndexOrderCodes : Migration
            {
                public override void Up()
                    => Create.Index("IX_Orders_Code").OnTable("Orders").OnColumn("Code").Ascending().WithOptions().AsConcurrently();

                public override void Down()
                    => Execute.Sql("DROP INDEX CONCURRENTLY \"IX_Orders_Code\";");
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "AsConcurrently()", FluentRemedy));
        test.ExpectedDiagnostics.Add(Diagnostic(1, "DROP INDEX CONCURRENTLY", FluentRemedy));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_passes_suppressTransaction_true()
    {
        var test = new CodeFixTest<ConcurrentIndexInTransactionAnalyzer, SuppressTransactionCodeFix>();
        EfMigrationSources.Add(test.TestState, Id, "IndexOrderTotals", """
                        {|MIG1150:migrationBuilder.Sql(
                            "CREATE INDEX CONCURRENTLY \"IX_Orders_Total\" ON \"Orders\" (\"Total\");")|};
            """, """
                        {|MIG1150:migrationBuilder.Sql("DROP INDEX CONCURRENTLY \"IX_Orders_Total\";", false)|};
            """);
        EfMigrationSources.Add(test.FixedState, Id, "IndexOrderTotals", """
                        migrationBuilder.Sql(
                            "CREATE INDEX CONCURRENTLY \"IX_Orders_Total\" ON \"Orders\" (\"Total\");", suppressTransaction: true);
            """, """
                        migrationBuilder.Sql("DROP INDEX CONCURRENTLY \"IX_Orders_Total\";", true);
            """);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_fix_adds_TransactionBehavior_None_to_the_attribute()
    {
        var test = new CodeFixTest<ConcurrentIndexInTransactionAnalyzer, SuppressTransactionCodeFix> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.TestState.Sources.Add("""
            using FluentMigrator;
            using FluentMigrator.Postgres;

            [Migration(90, "index order totals")]
            public class IndexOrderTotals : Migration
            {
                public override void Up()
                    => {|MIG1150:Create.Index("IX_Orders_Total").OnTable("Orders").OnColumn("Total").Ascending().WithOptions().AsConcurrently()|};

                public override void Down()
                    => {|MIG1150:Execute.Sql("DROP INDEX CONCURRENTLY \"IX_Orders_Total\";")|};
            }

            [Migration(91)]
            public class IndexOrderCodes : Migration
            {
                public override void Up() => {|MIG1150:Execute.Sql("CREATE INDEX CONCURRENTLY \"IX_Orders_Code\" ON \"Orders\" (\"Code\");")|};

                public override void Down() => Execute.Sql("DROP INDEX \"IX_Orders_Code\";");
            }
            """);
        test.FixedState.Sources.Add("""
            using FluentMigrator;
            using FluentMigrator.Postgres;

            [Migration(90, TransactionBehavior.None, "index order totals")]
            public class IndexOrderTotals : Migration
            {
                public override void Up()
                    => Create.Index("IX_Orders_Total").OnTable("Orders").OnColumn("Total").Ascending().WithOptions().AsConcurrently();

                public override void Down()
                    => Execute.Sql("DROP INDEX CONCURRENTLY \"IX_Orders_Total\";");
            }

            [Migration(91, TransactionBehavior.None)]
            public class IndexOrderCodes : Migration
            {
                public override void Up() => Execute.Sql("CREATE INDEX CONCURRENTLY \"IX_Orders_Code\" ON \"Orders\" (\"Code\");");

                public override void Down() => Execute.Sql("DROP INDEX \"IX_Orders_Code\";");
            }
            """);
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync(CancellationToken.None);
    }
}
