using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.MigrationDependsOnApplicationCodeAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class MigrationDependsOnApplicationCodeAnalyzerTests
{
    private const string Id = "20240601090000_SeedStatuses";

    private const string Application = """
        namespace Shop.Domain
        {
            public enum OrderStatus { New = 1, Shipped = 2 }

            public static class Limits
            {
                public const int NameLength = 200;
            }

            public class Customer
            {
                public int Id { get; set; }
                public string Email { get; set; }
            }

            public static class Countries
            {
                public static string[] All() => new[] { "NL", "DE" };
            }
        }
        """;

    private const string MigrationSupport = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            public static class MigrationSql
            {
                public const string Schema = "sales";
                public static void AuditTrigger(MigrationBuilder migrationBuilder, string table) => migrationBuilder.Sql("SELECT 1");
            }
        }
        """;

    private static DiagnosticResult Diagnostic(int location, string kind, string name)
        => new DiagnosticResult("MIG1110", DiagnosticSeverity.Warning).WithLocation(location).WithArguments("SeedStatuses", kind, name);

    private static Task RunAsync(string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Domain.cs", Application));
        test.TestState.Sources.Add(("/0/Migrations/MigrationSql.cs", MigrationSupport));
        EfMigrationSources.Add(test.TestState, Id, "SeedStatuses", up, usings: "using Shop.Domain;");
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Enums_constants_types_and_methods_of_the_application_are_reported()
    {
        await RunAsync(
            """
                        migrationBuilder.AddColumn<string>(name: "Name", table: "Customers", maxLength: {|#0:Limits.NameLength|}, nullable: true);
                        migrationBuilder.InsertData(
                            table: "OrderStatuses",
                            columns: new[] { "Id", "Name" },
                            values: new object[] { (int){|#1:OrderStatus.Shipped|}, "Shipped" });
                        migrationBuilder.Sql($"UPDATE \"Customers\" SET \"Country\" = '{{|#2:Countries.All()|}[0]}' WHERE \"Country\" IS NULL");
                        var type = {|#3:typeof(Customer)|};
            """,
            Diagnostic(0, "constant", "Limits.NameLength"),
            Diagnostic(1, "enum member", "OrderStatus.Shipped"),
            Diagnostic(2, "method", "Countries.All"),
            Diagnostic(3, "type", "Shop.Domain.Customer"));
    }

    [Fact]
    public async Task Nameof_of_an_entity_property_is_reported()
    {
        await RunAsync(
            """
                        migrationBuilder.RenameColumn(name: "Mail", table: "Customers", newName: nameof({|#0:Customer.Email|}));
            """,
            Diagnostic(0, "property", "Customer.Email"));
    }

    [Fact]
    public async Task The_migrations_own_code_helpers_next_to_migrations_and_the_framework_are_silent()
    {
        await RunAsync(
            """
                        const int Shipped = 2;
                        migrationBuilder.InsertData(table: "OrderStatuses", columns: new[] { "Id", "Name" }, values: new object[] { Shipped, "Shipped" });
                        MigrationSql.AuditTrigger(migrationBuilder, string.Join(".", MigrationSql.Schema, "Customers"));
                        migrationBuilder.AddColumn<DateTime>(name: "CreatedAt", table: "Customers", nullable: false, defaultValueSql: "now()");
            """);
    }

    [Fact]
    public async Task FluentMigrator_migrations_are_checked_too()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        test.TestState.Sources.Add(("/0/Domain.cs", Application));
        test.TestState.Sources.Add(("/0/Migrations/M0060.cs", """
            using FluentMigrator;
            using Shop.Domain;

            namespace Shop.Migrations
            {
                public abstract class ShopMigration : Migration
                {
                    protected const string Schema = "shop";
                }

                [Migration(60)]
                public class SeedStatuses : ShopMigration
                {
                    private static class Ids
                    {
                        public const int New = 1;
                    }

                    public override void Up()
                    {
                        Insert.IntoTable("OrderStatuses").InSchema(Schema).Row(new { Id = Ids.New, Name = "New" });
                        Insert.IntoTable("OrderStatuses").InSchema(Schema).Row(new { Id = (int){|#0:OrderStatus.Shipped|}, Name = "Shipped" });
                    }

                    public override void Down() => Delete.FromTable("OrderStatuses").InSchema(Schema).AllRows();
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "enum member", "OrderStatus.Shipped"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Baseline_is_honoured()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Domain.cs", Application));
        EfMigrationSources.Add(test.TestState, Id, "SeedStatuses", """
                        migrationBuilder.Sql("SELECT " + Limits.NameLength);
            """, usings: "using Shop.Domain;");
        test.WithEditorConfig("migration_analyzers.baseline = " + Id + "\n");
        await test.RunAsync(CancellationToken.None);
    }
}
