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
            public enum OrderStatus { New = 1, Shipped = 2, Cancelled = 3 }

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

            public static class AddressParser
            {
                public static string Street(string line) => line.Split(',')[0];
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

    private static DiagnosticResult Diagnostic(int location, string uses)
        => new DiagnosticResult("MIG1110", DiagnosticSeverity.Warning).WithLocation(location).WithArguments("SeedStatuses", uses);

    private static Task RunAsync(string up, params DiagnosticResult[] expected) => RunAsync(up, "using Shop.Domain;", expected);

    private static Task RunAsync(string up, string usings, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Domain.cs", Application));
        test.TestState.Sources.Add(("/0/Migrations/MigrationSql.cs", MigrationSupport));
        EfMigrationSources.Add(test.TestState, Id, "SeedStatuses", up, usings: usings);
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
            Diagnostic(0, "Limits (NameLength)"),
            Diagnostic(1, "OrderStatus (Shipped)"),
            Diagnostic(2, "Countries (All)"),
            Diagnostic(3, "Customer"));
    }

    [Fact]
    public async Task Nameof_of_an_entity_property_is_reported()
    {
        await RunAsync(
            """
                        migrationBuilder.RenameColumn(name: "Mail", table: "Customers", newName: nameof({|#0:Customer.Email|}));
            """,
            Diagnostic(0, "Customer (Email)"));
    }

    [Fact]
    public async Task An_application_type_named_through_a_using_alias_is_reported()
    {
        // The alias is the only name of the enum in the migration: the rule still binds the class.
        await RunAsync(
            """
                        migrationBuilder.InsertData(table: "OrderStatuses", columns: new[] { "Id", "Name" }, values: new object[] { (int){|#0:Status.Shipped|}, "Shipped" });
            """,
            "using Status = Shop.Domain.OrderStatus;",
            Diagnostic(0, "OrderStatus (Shipped)"));
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
        test.ExpectedDiagnostics.Add(Diagnostic(0, "OrderStatus (Shipped)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task One_report_per_application_type_at_its_first_use_naming_the_members()
    {
        await RunAsync(
            """
                        migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", nullable: false, defaultValue: (int){|#0:OrderStatus.Shipped|});
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = " + (int)OrderStatus.Cancelled + " WHERE \"CancelledAt\" IS NOT NULL");
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = " + (int)OrderStatus.Shipped + " WHERE \"ShippedAt\" IS NOT NULL");
                        migrationBuilder.Sql("UPDATE \"Customers\" SET \"Street\" = '" + {|#1:AddressParser.Street("Main 1, Town")|} + "'");
                        migrationBuilder.Sql("UPDATE \"Customers\" SET \"Street2\" = '" + AddressParser.Street("Side 2, Town") + "'");
            """,
            Diagnostic(0, "OrderStatus (Shipped, Cancelled)"),
            Diagnostic(1, "AddressParser (Street)"));
    }

    [Fact]
    public async Task Extension_helpers_in_a_sub_namespace_of_the_migrations_are_silent()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Domain.cs", Application));
        test.TestState.Sources.Add(("/0/Data/MigrationExtensions.cs", """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations.Extensions
            {
                public static class Views
                {
                    public static void CreateView(this MigrationBuilder migrationBuilder, string name, string sql)
                        => migrationBuilder.Sql("CREATE VIEW " + Naming.Prefix + name + " AS " + sql);
                }

                public class Naming
                {
                    public const string Prefix = "v_";
                }
            }
            """));
        EfMigrationSources.Add(test.TestState, Id, "SeedStatuses", """
                        migrationBuilder.CreateView("orders", "SELECT 1");
                        migrationBuilder.Sql("DROP VIEW " + Naming.Prefix + "old");
            """, usings: "using Shop.Data.Migrations.Extensions;");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_MigrationBuilder_extension_class_linked_from_a_shared_folder_is_silent()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Domain.cs", Application));
        test.TestState.Sources.Add(("/Shared/MigrationBuilderExtensions.cs", """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Shared
            {
                public static class MigrationBuilderExtensions
                {
                    public static void DropViewIfExists(this MigrationBuilder migrationBuilder, string name)
                        => migrationBuilder.Sql("DROP VIEW IF EXISTS " + name);
                }
            }
            """));
        test.TestState.Sources.Add(("/Shared/MigrationNames.cs", """
            namespace Shop.Shared
            {
                public static class MigrationNames
                {
                    public const string AuditSchema = "audit";
                }
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.projectdir = /0/\n"));
        EfMigrationSources.Add(test.TestState, Id, "SeedStatuses", """
                        migrationBuilder.DropViewIfExists("orders_v");
                        migrationBuilder.EnsureSchema(Shop.Shared.MigrationNames.AuditSchema);
                        migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", nullable: false, defaultValue: (int){|#0:OrderStatus.New|});
            """, usings: "using Shop.Domain; using Shop.Shared;");
        test.ExpectedDiagnostics.Add(Diagnostic(0, "OrderStatus (New)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_plumbing_is_silent_and_the_application_enum_is_reported_once()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        test.TestState.Sources.Add(("/0/Domain.cs", Application));
        test.TestState.Sources.Add(("/0/Infrastructure/FluentExtensions.cs", """
            using System.IO;
            using System.Reflection;
            using FluentMigrator;
            using FluentMigrator.Builders.Create;
            using FluentMigrator.Builders.Create.Table;
            using FluentMigrator.Builders.Execute;

            namespace Shop.Infrastructure
            {
                public static class FluentExtensions
                {
                    public static ICreateTableColumnOptionOrWithColumnSyntax WithAuditColumns(this ICreateTableWithColumnSyntax table)
                        => table.WithColumn("CreatedAt").AsDateTime().NotNullable();

                    public static void AuditTable(this ICreateExpressionRoot create, string name)
                        => create.Table(name + "Audit").WithColumn("Id").AsInt64().PrimaryKey();
                }

                public class ScriptLoader
                {
                    public string Load(string name)
                    {
                        using var stream = typeof(ScriptLoader).Assembly.GetManifestResourceStream("Shop.Scripts." + name);
                        using var reader = new StreamReader(stream);
                        return reader.ReadToEnd();
                    }
                }

                public class RowBase
                {
                    public int Id { get; set; }
                }

                public abstract class ShopMigration : Migration
                {
                    protected string Schema => "shop";

                    protected void ExecuteScript(string name) => Execute.Sql(new ScriptLoader().Load(name));

                    public override void Down() => throw new System.NotSupportedException("forward only");
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Versions/M0070.cs", """
            using FluentMigrator;
            using Shop.Domain;
            using Shop.Infrastructure;

            namespace Shop.Versions
            {
                [Migration(70)]
                public class SeedStatuses : ShopMigration
                {
                    private sealed class Row : RowBase
                    {
                        public string Name { get; set; }
                    }

                    public override void Up()
                    {
                        Create.Table("Orders").InSchema(Schema).WithColumn("Id").AsInt32().PrimaryKey().WithAuditColumns();
                        Create.AuditTable("Orders");
                        ExecuteScript("seed.sql");
                        Execute.Sql(new ScriptLoader().Load("more.sql"));
                        var row = new Row { Id = 1, Name = "New" };
                        Insert.IntoTable("OrderStatuses").Row(new { row.Id, row.Name });
                        Insert.IntoTable("OrderStatuses").Row(new { Id = (int){|#0:OrderStatus.Shipped|}, Name = "Shipped" });
                        Insert.IntoTable("OrderStatuses").Row(new { Id = (int)OrderStatus.Cancelled, Name = "Cancelled" });
                    }
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "OrderStatus (Shipped, Cancelled)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_helper_object_built_on_the_MigrationBuilder_is_plumbing_wherever_it_is_declared()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Domain.cs", Application));
        test.TestState.Sources.Add(("/0/Tools/TriggerWriter.cs", """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Tools
            {
                public sealed class TriggerWriter
                {
                    private readonly MigrationBuilder _builder;

                    public TriggerWriter(MigrationBuilder builder) => _builder = builder;

                    public string Prefix => "trg_";

                    public void Audit(string table) => _builder.Sql("CREATE TRIGGER " + Prefix + table + " AFTER UPDATE ON " + table + " BEGIN SELECT 1; END");
                }
            }
            """));
        EfMigrationSources.Add(test.TestState, Id, "SeedStatuses", """
                        var triggers = new Shop.Tools.TriggerWriter(migrationBuilder);
                        triggers.Audit("Orders");
                        migrationBuilder.Sql("DROP TRIGGER IF EXISTS " + triggers.Prefix + "Old");
                        migrationBuilder.Sql("DELETE FROM \"Customers\" WHERE \"Email\" IS NULL AND \"Id\" > " + {|#0:Limits.NameLength|});
            """, usings: "using Shop.Domain;");
        test.ExpectedDiagnostics.Add(Diagnostic(0, "Limits (NameLength)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Only_folders_inside_the_project_say_migrations()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/DataMigrations/Shop/Domain.cs", Application));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.projectdir = /DataMigrations/Shop/\n"));
        EfMigrationSources.Add(test.TestState, Id, "SeedStatuses", """
                        migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", nullable: false, defaultValue: (int){|#0:OrderStatus.New|});
            """, usings: "using Shop.Domain;");
        test.ExpectedDiagnostics.Add(Diagnostic(0, "OrderStatus (New)"));
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
