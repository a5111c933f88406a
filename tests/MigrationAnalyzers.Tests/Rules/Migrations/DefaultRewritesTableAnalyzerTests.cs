using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.DefaultRewritesTableAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class DefaultRewritesTableAnalyzerTests
{
    private const string Id = "20240801090000_AddOrderColumns";

    private static DiagnosticResult Diagnostic(int location, string table, string column, string reason)
        => new DiagnosticResult("MIG1140", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(table, column, reason);

    private static AnalyzerTest Test(string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        EfMigrationSources.Add(test.TestState, Id, "AddOrderColumns", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private const string Columns = """
                        {|#0:migrationBuilder.AddColumn<Guid>(
                            name: "PublicId",
                            table: "Orders",
                            type: "uuid",
                            nullable: false,
                            defaultValueSql: "gen_random_uuid()")|};
                        {|#1:migrationBuilder.AddColumn<decimal>(
                            name: "Gross",
                            table: "Orders",
                            type: "numeric",
                            nullable: false,
                            computedColumnSql: "\"Net\" * 1.21",
                            stored: true)|};
                        {|#2:migrationBuilder.AddColumn<DateTime>(name: "SeenAt", table: "Orders", nullable: false, defaultValueSql: "now()")|};
                        {|#3:migrationBuilder.AddColumn<int>(name: "Priority", table: "Orders", nullable: false, defaultValue: 0)|};
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", nullable: true);
                        migrationBuilder.CreateTable(name: "Tags", columns: table => new { Id = table.Column<int>(nullable: false) });
                        migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Tags", nullable: false, defaultValueSql: "gen_random_uuid()");
            """;

    /// <summary>The same code without the expectation markers of the given locations (they stay silent in that test).</summary>
    private static string Unmarked(string code, params int[] locations)
    {
        foreach (var location in locations)
        {
            code = System.Text.RegularExpressions.Regex.Replace(
                code, @"\{\|#" + location + @":(.*?)\|\}", "$1", System.Text.RegularExpressions.RegexOptions.Singleline);
        }

        return code;
    }

    [Fact]
    public async Task Volatile_defaults_and_stored_computed_columns_rewrite_existing_tables()
    {
        await Test(
            Unmarked(Columns, 2, 3),
            Diagnostic(0, "Orders", "PublicId", "the volatile default gen_random_uuid()"),
            Diagnostic(1, "Orders", "Gross", "a stored computed value (\"Net\" * 1.21)")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Before_PostgreSQL_11_any_default_rewrites_the_table()
    {
        const string Before11 = "a default, which before PostgreSQL 11 (the database version is 10.0) is written into every row";
        var test = Test(
            Columns,
            Diagnostic(0, "Orders", "PublicId", "the volatile default gen_random_uuid()"),
            Diagnostic(1, "Orders", "Gross", "a stored computed value (\"Net\" * 1.21)"),
            Diagnostic(2, "Orders", "SeenAt", Before11),
            Diagnostic(3, "Orders", "Priority", Before11));
        test.WithEditorConfig("migration_analyzers.target_database_version = 10\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_volatile_system_method_is_reported()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.TestState.Sources.Add(("/0/Migrations/M0080.cs", """
            using FluentMigrator;

            [Migration(80)]
            public class AddOrderColumns : Migration
            {
                public override void Up()
                {
                    {|#0:Alter.Table("Orders")
                        .AddColumn("PublicId").AsGuid().NotNullable().WithDefault(SystemMethods.NewGuid)|};
                    Alter.Table("Orders").AddColumn("SeenAt").AsDateTime().NotNullable().WithDefault(SystemMethods.CurrentDateTime);
                }

                public override void Down() => Delete.Column("PublicId").Column("SeenAt").FromTable("Orders");
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "Orders", "PublicId", "the volatile default SystemMethods.NewGuid"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Other_databases_are_silent()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreSqlServer };
        EfMigrationSources.Add(test.TestState, Id, "AddOrderColumns", """
                        migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Orders", nullable: false, defaultValueSql: "newid()");
            """);
        await test.RunAsync(CancellationToken.None);
    }
}
