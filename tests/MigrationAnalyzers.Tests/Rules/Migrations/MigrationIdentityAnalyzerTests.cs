using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.MigrationIdentityAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class MigrationIdentityAnalyzerTests
{
    private const string ReportingContext = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop.Data
        {
            public class ReportingDbContext : DbContext
            {
            }
        }
        """;

    private static DiagnosticResult Diagnostic(string path, int line, int column, string className, string problem)
        => new DiagnosticResult("MIG1100", DiagnosticSeverity.Error)
            .WithSpan(path, line, column, line, column + className.Length)
            .WithArguments(className, problem);

    /// <summary>An EF Core migration; the class name sits on line 9, column 26 of the hand-written file.</summary>
    private static void AddEf(AnalyzerTest test, string id, string className, string file, string context = "AppDbContext")
    {
        if (!test.TestState.Sources.Exists(source => source.filename == Sources.DbContextPath))
        {
            test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        }

        test.TestState.Sources.Add(($"/0/Migrations/{file}.Designer.cs", Sources.Designer(className, id).Replace("typeof(AppDbContext)", $"typeof({context})")));
        test.TestState.Sources.Add(($"/0/Migrations/{file}.cs", EfMigrationSources.Migration(className, "            migrationBuilder.Sql(\"SELECT 1\");")));
    }

    [Fact]
    public async Task Duplicate_EF_ids_of_one_context_are_one_finding_reported_on_the_later_class()
    {
        var test = new AnalyzerTest();
        AddEf(test, "20240101120000_AddUsers", "AddUsers", "20240101120000_AddUsers");
        AddEf(test, "20240101120000_AddUsers", "AddUsersAgain", "20240101120000_AddUsersAgain");
        test.ExpectedDiagnostics.Add(Diagnostic("/0/Migrations/20240101120000_AddUsersAgain.cs", 9, 26, "AddUsersAgain",
            "has ID '20240101120000_AddUsers', which 'Shop.Data.Migrations.AddUsers' also uses: EF Core refuses to run the migrations"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Same_timestamp_in_one_context_is_reported_once_and_other_contexts_are_separate_histories()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/ReportingDbContext.cs", ReportingContext));
        AddEf(test, "20240101120000_AddUsers", "AddUsers", "20240101120000_AddUsers");
        AddEf(test, "20240101120000_AddOrders", "AddOrders", "20240101120000_AddOrders");
        AddEf(test, "20240101120000_AddUsers", "ReportingAddUsers", "Reporting/20240101120000_AddUsers", "ReportingDbContext");
        test.ExpectedDiagnostics.Add(Diagnostic("/0/Migrations/20240101120000_AddUsers.cs", 9, 26, "AddUsers",
            "has timestamp 20240101120000, like 'Shop.Data.Migrations.AddOrders': their order is decided by name, not by when they were written; give this one a new timestamp"));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("AddUsers")]
    [InlineData("2024010112000_AddUsers")]
    [InlineData("20241301120000_AddUsers")]
    [InlineData("20240101120000-AddUsers")]
    [InlineData("20240101120000_")]
    public async Task Malformed_EF_ids_are_reported(string id)
    {
        var test = new AnalyzerTest();
        AddEf(test, id, "AddUsers", "AddUsers");
        test.ExpectedDiagnostics.Add(Diagnostic("/0/Migrations/AddUsers.cs", 9, 26, "AddUsers",
            $"has ID '{id}', which is not yyyyMMddHHmmss_Name: EF Core orders migrations by ID, so this one runs out of order"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public void Well_formed_ids_are_accepted()
    {
        Assert.True(MigrationIdentityAnalyzer.IsWellFormedEfId("20240229235959_LeapDay"));
        Assert.False(MigrationIdentityAnalyzer.IsWellFormedEfId("20230229235959_NotALeapYear"));
    }

    [Fact]
    public async Task EF_migration_without_Migration_attribute_is_reported()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add(("/0/Migrations/AddUsers.cs", EfMigrationSources.Migration("AddUsers", "            migrationBuilder.Sql(\"SELECT 1\");")));
        test.ExpectedDiagnostics.Add(Diagnostic("/0/Migrations/AddUsers.cs", 9, 26, "AddUsers",
            "has no [Migration(\"yyyyMMddHHmmss_Name\")] attribute: EF Core never runs it"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_hand_written_data_migration_without_attributes_next_to_scaffolded_ones_is_reported_once()
    {
        var test = new AnalyzerTest();
        AddEf(test, "20240101120000_AddUsers", "AddUsers", "20240101120000_AddUsers");
        test.TestState.Sources.Add(("/0/Migrations/20240102090000_BackfillUserNames.cs", EfMigrationSources.Migration(
            "BackfillUserNames",
            "            migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"Name\\\" = '' WHERE \\\"Name\\\" IS NULL\");")));
        test.ExpectedDiagnostics.Add(Diagnostic("/0/Migrations/20240102090000_BackfillUserNames.cs", 9, 26, "BackfillUserNames",
            "has no [Migration(\"yyyyMMddHHmmss_Name\")] attribute: EF Core never runs it"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_hand_written_migration_with_an_id_but_no_context_is_reported_once()
    {
        var test = new AnalyzerTest();
        AddEf(test, "20240101120000_AddUsers", "AddUsers", "20240101120000_AddUsers");
        test.TestState.Sources.Add(("/0/Migrations/20240102090000_BackfillUserNames.cs", EfMigrationSources.Migration(
                "BackfillUserNames",
                "            migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"Name\\\" = ''\");",
                usings: "using Microsoft.EntityFrameworkCore.Infrastructure;")
            .Replace("    public partial class BackfillUserNames", "    [Migration(\"20240102090000_BackfillUserNames\")]\n    public partial class BackfillUserNames")));
        // On its [Migration] attribute, as every identity finding with the attribute in the hand-written file.
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG1100", DiagnosticSeverity.Error)
            .WithSpan("/0/Migrations/20240102090000_BackfillUserNames.cs", 9, 6, 9, 51)
            .WithArguments("BackfillUserNames", "has no [DbContext(typeof(…))] attribute: EF Core runs only the migrations of the context it migrates, so it never runs this one"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Migration_base_classes_without_attributes_are_silent()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add(("/0/Migrations/ShopMigration.cs", """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations
            {
                public abstract class ShopMigration : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("shop");
                }

                public class AuditedMigration : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("audit");
                }

                [DbContext(typeof(Shop.Data.AppDbContext))]
                [Migration("20240101120000_AddAudit")]
                public class AddAudit : AuditedMigration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        base.Up(migrationBuilder);
                        migrationBuilder.Sql("SELECT 1");
                    }
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Distinct_well_formed_ids_are_silent()
    {
        var test = new AnalyzerTest();
        AddEf(test, "20240101120000_AddUsers", "AddUsers", "20240101120000_AddUsers");
        AddEf(test, "20240101120001_AddOrders", "AddOrders", "20240101120001_AddOrders");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_duplicate_versions_are_reported_once_on_the_later_attribute()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        test.TestState.Sources.Add(("/0/Migrations/Versions.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                public static class Versions
                {
                    public const long AddUsers = 2024_01_01_1200;
                }

                [{|#0:Migration(Versions.AddUsers)|}]
                public class AddUsers : Migration
                {
                    public override void Up() => Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
                    public override void Down() => Delete.Table("Users");
                }

                [Migration(202401011200, "orders")]
                public class AddOrders : Migration
                {
                    public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32().PrimaryKey();
                    public override void Down() => Delete.Table("Orders");
                }

                [Migration(202401011300)]
                public class AddInvoices : AutoReversingMigration
                {
                    public override void Up() => Create.Table("Invoices").WithColumn("Id").AsInt32().PrimaryKey();
                }
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG1100", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("AddUsers", "has version 202401011200, like 'Shop.Migrations.AddOrders': the FluentMigrator runner refuses to start"));
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>The attribute under an alias: the syntax cannot see it is a migration's, so the semantic index still finds the clash.</summary>
    [Fact]
    public async Task A_clash_through_an_aliased_attribute_is_still_reported()
    {
        var test = new AnalyzerTest();
        AddEf(test, "20240101120000_AddUsers", "AddUsers", "20240101120000_AddUsers");
        test.TestState.Sources.Add(("/0/Migrations/20240101120000_AddUsersAgain.cs", """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using MigrationId = Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute;

            namespace Shop.Data.Migrations
            {
                [DbContext(typeof(AppDbContext))]
                [{|#0:MigrationId("20240101120000_AddUsers")|}]
                public class AddUsersAgain : Microsoft.EntityFrameworkCore.Migrations.Migration
                {
                    protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
                }
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG1100", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("AddUsersAgain", "has ID '20240101120000_AddUsers', which 'Shop.Data.Migrations.AddUsers' also uses: EF Core refuses to run the migrations"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_literal_versions_in_two_files_clash_reported_on_the_later_by_name()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        test.TestState.Sources.Add(("/0/Migrations/AddUsers.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [{|#0:Migration(202401011200)|}]
                public class AddUsers : Migration
                {
                    public override void Up() => Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
                    public override void Down() => Delete.Table("Users");
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Migrations/AddOrders.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(2024_01_01_1200)]
                public class AddOrders : Migration
                {
                    public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32().PrimaryKey();
                    public override void Down() => Delete.Table("Orders");
                }
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG1100", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("AddUsers", "has version 202401011200, like 'Shop.Migrations.AddOrders': the FluentMigrator runner refuses to start"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_migration_without_its_attribute_is_reported_but_profiles_maintenance_and_bases_are_silent()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        test.TestState.Sources.Add(("/0/Migrations/Migrations.cs", """
            using System;
            using FluentMigrator;

            namespace Shop.Migrations
            {
                public abstract class ProjectMigration : Migration
                {
                    public sealed override void Up() => UpgradeMain();
                    protected virtual void UpgradeMain() { }
                    public sealed override void Down() => throw new NotSupportedException("Migrations are forward only");
                }

                public class ProjectDataMigration : ProjectMigration
                {
                }

                [Migration(1)]
                public class AddUsers : ProjectDataMigration
                {
                    protected override void UpgradeMain() => Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
                }

                public class {|#0:FixUserNames|} : ProjectMigration
                {
                    protected override void UpgradeMain() => Execute.Sql("UPDATE Users SET Name = TRIM(Name)");
                }

                [Profile("Development")]
                public class SeedUsers : Migration
                {
                    public override void Up() => Insert.IntoTable("Users").Row(new { Id = 1 });
                    public override void Down() { }
                }

                [Maintenance(MigrationStage.BeforeAll)]
                public class SetTimeout : Migration
                {
                    public override void Up() => Execute.Sql("SET lock_timeout = '5s'");
                    public override void Down() { }
                }
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG1100", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("FixUserNames", "has no [Migration(version)] attribute: the FluentMigrator runner never finds it"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Baseline_is_honoured()
    {
        var test = new AnalyzerTest();
        AddEf(test, "20240101120000_AddUsers", "AddUsers", "20240101120000_AddUsers");
        AddEf(test, "20240101120000_AddOrders", "AddOrders", "20240101120000_AddOrders");
        test.WithEditorConfig("migration_analyzers.baseline = 20240301000000\n");
        await test.RunAsync(CancellationToken.None);
    }
}
