using System.Threading.Tasks;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.MigrationCannotBeRolledBackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>MIG1001 on what a project declares once: a forward-only base class, template methods, data-only migrations.</summary>
public class MigrationCannotBeRolledBackIntentTests
{
    private const string BasePath = "/0/ProjectMigration.cs";

    private static string Base(string down) => $$"""
        using System;
        using FluentMigrator;

        namespace Shop.Migrations
        {
            public abstract class ProjectMigration : Migration
            {
                protected virtual bool HasLogDatabase => false;

                public sealed override void Up()
                {
                    UpgradeMain();
                    if (HasLogDatabase)
                    {
                        UpgradeLog();
                    }
                }

                protected virtual void UpgradeMain()
                {
                }

                protected virtual void UpgradeLog()
                {
                }

        {{down}}
            }
        }
        """;

    private const string ThrowingDown = """
                public sealed override void Down() => throw new NotSupportedException("Migrations are forward only");
        """;

    private static (string, string) Derived(int index, string body) => ($"/0/Migration{index}.cs", $$"""
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(202401010{{index}})]
            public class Change{{index}} : ProjectMigration
            {
                protected override void UpgradeMain()
                {
        {{body}}
                }
            }
        }
        """);

    private static AnalyzerTest<MigrationCannotBeRolledBackAnalyzer> History(string baseDown, string settings = "")
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>();
        if (settings.Length > 0)
        {
            test = test.WithEditorConfig(settings);
        }

        test.TestState.Sources.Add((BasePath, Base(baseDown)));
        test.TestState.Sources.Add(Derived(1, """                Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();"""));
        test.TestState.Sources.Add(Derived(2, """                Alter.Table("Users").AddColumn("Email").AsString(200).Nullable();"""));
        test.TestState.Sources.Add(Derived(3, """                Create.Index("IX_Users_Email").OnTable("Users").OnColumn("Email");"""));
        return test;
    }

    [Fact]
    public async Task Forward_only_base_class_is_silent_by_default()
    {
        await History(ThrowingDown).RunAsync();
    }

    [Fact]
    public async Task Forward_only_base_class_is_reported_once_on_the_base_class_when_asked()
    {
        var test = History(ThrowingDown, "migration_analyzers.MIG1001.report_forward_only = true\n");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithSpan(BasePath, 27, 37, 27, 41)
            .WithArguments("ProjectMigration", "it is the base class of 3 migrations and its Down only throws"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Base_class_with_an_empty_Down_is_reported_once_on_the_base_class()
    {
        var test = History("""
                    public override void Down()
                    {
                    }
            """);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithSpan(BasePath, 27, 30, 27, 34)
            .WithArguments("ProjectMigration", "it is the base class of 3 migrations and its Down is empty"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Template_Down_that_a_migration_does_not_fill_in_is_reported_on_that_migration()
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>();
        test.TestState.Sources.Add((BasePath, Base("""
                    public sealed override void Down() => DowngradeMain();

                    protected virtual void DowngradeMain()
                    {
                    }
            """)));
        test.TestState.Sources.Add(Derived(1, """                Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();"""));
        test.TestState.Sources.Add(("/0/Migration2.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(2024010102)]
                public class Change2 : ProjectMigration
                {
                    protected override void UpgradeMain()
                    {
                        Alter.Table("Users").AddColumn("Email").AsString(200).Nullable();
                    }

                    protected override void DowngradeMain()
                    {
                        Delete.Column("Email").FromTable("Users");
                    }
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithSpan("/0/Migration1.cs", 6, 18, 6, 25)
            .WithArguments("Change1", "Down is empty; no Down can be generated because statement 'if (HasLogDatabase)' is not a migration operation, so what it does is not known"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_helper_methods_called_by_Up_count_as_Up()
    {
        const string source = """
            using FluentMigrator;

            [Migration(20240101120000)]
            public class AddUsers : Migration
            {
                public override void Up()
                {
                    CreateUsers();
                    AddIndexes();
                }

                private void CreateUsers()
                {
                    Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
                }

                private void AddIndexes() => Create.Index("IX_Users_Id").OnTable("Users").OnColumn("Id");

                public override void Down()
                {
                }
            }
            """;
        await Verifier.AnalyzeAsync(source, Verifier.Diagnostic("MIG1001").WithSpan(19, 26, 19, 30).WithArguments("AddUsers", "Down is empty"));
    }

    [Fact]
    public async Task EfCore_helper_methods_called_by_Up_count_as_Up()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101120000_AddUsers")]
            public class AddUsers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    AddEmail(migrationBuilder);
                }

                private static void AddEmail(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("ALTER TABLE Users ADD Email TEXT NULL");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await Verifier.AnalyzeAsync(source, Verifier.Diagnostic("MIG1001").WithSpan(16, 29, 16, 33).WithArguments(
            "AddUsers",
            "Down is empty; no Down can be generated because Sql cannot be reversed: raw SQL has no known inverse"));
    }

    private static string EfUp(string up, string down, string members = "") => $$"""
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101120000_Backfill")]
        public class Backfill : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {{up}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                {{down}}
            }
        {{members}}
        }
        """;

    [Theory]
    [InlineData("migrationBuilder.Sql(\"UPDATE Users SET Email = '' WHERE Email IS NULL\");", "")]
    [InlineData("migrationBuilder.Sql(\"INSERT INTO Roles (Name) VALUES ('admin'); DELETE FROM Sessions;\");", "// Rows cannot be told apart from the ones users added since.")]
    [InlineData("migrationBuilder.Sql(\"PRAGMA foreign_keys = ON;\");", "")]
    [InlineData("migrationBuilder.UpdateData(table: \"Users\", keyColumn: \"Id\", keyValue: 1, column: \"Email\", value: \"a@b.c\");", "throw new NotImplementedException();")]
    [InlineData("migrationBuilder.InsertData(table: \"Roles\", columns: new[] { \"Id\", \"Name\" }, values: new object[] { 1, \"admin\" });", "")]
    [InlineData("migrationBuilder.DeleteData(table: \"Roles\", keyColumn: \"Id\", keyValue: 1);", "")]
    [InlineData("var sql = ReadScript(); migrationBuilder.Sql(sql);", "")]
    public async Task EfCore_data_only_migration_with_empty_or_throwing_Down_is_silent_by_default(string up, string down)
    {
        var source = EfUp(up, down, "    private static string ReadScript() => System.IO.File.ReadAllText(\"Scripts/Backfill.sql\");");
        await Verifier.AnalyzeAsync(source);
    }

    [Fact]
    public async Task EfCore_data_only_migration_is_reported_when_asked()
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>().WithEditorConfig("migration_analyzers.MIG1001.report_data_only = true\n");
        test.TestState.Sources.Add(EfUp("migrationBuilder.Sql(\"UPDATE Users SET Email = '' WHERE Email IS NULL\");", string.Empty));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithSpan(12, 29, 12, 33).WithArguments(
            "Backfill",
            "Down is empty; no Down can be generated because Sql cannot be reversed: raw SQL has no known inverse"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("migrationBuilder.Sql(\"ALTER TABLE Users ADD Email TEXT NULL; UPDATE Users SET Email = '';\");")]
    [InlineData("migrationBuilder.Sql(\"CREATE INDEX IX_Users_Email ON Users (Email)\");")]
    [InlineData("migrationBuilder.AddColumn<string>(name: \"Email\", table: \"Users\", nullable: true); migrationBuilder.Sql(\"UPDATE Users SET Email = ''\");")]
    public async Task EfCore_migration_that_changes_the_schema_with_an_empty_Down_is_still_reported(string up)
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>();
        test.TestState.Sources.Add(EfUp(up, string.Empty));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithSpan(12, 29, 12, 33)
            .WithArguments("Backfill", "Down is empty; no Down can be generated because Sql cannot be reversed: raw SQL has no known inverse"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("Execute.Sql(\"UPDATE Users SET Email = '' WHERE Email IS NULL\");")]
    [InlineData("Insert.IntoTable(\"Roles\").Row(new { Name = \"admin\" });")]
    [InlineData("Update.Table(\"Users\").Set(new { Active = true }).AllRows();")]
    [InlineData("Execute.EmbeddedScript(\"Seed.sql\");")]
    public async Task FluentMigrator_data_only_migration_with_empty_Down_is_silent_by_default(string up)
    {
        var source = $$"""
            using FluentMigrator;

            [Migration(20240101120000)]
            public class Seed : Migration
            {
                public override void Up()
                {
                    {{up}}
                }

                public override void Down()
                {
                    // Nothing to undo: the rows stay.
                }
            }
            """;
        await Verifier.AnalyzeAsync(source);
    }

    [Fact]
    public async Task ForwardOnlyMigration_through_a_project_base_class_is_reported_once_on_the_base_class_when_asked()
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>().WithEditorConfig("migration_analyzers.MIG1001.report_forward_only = true\n");
        test.TestState.Sources.Add((BasePath, """
            using FluentMigrator;

            public abstract class {|#0:ProjectMigration|} : ForwardOnlyMigration
            {
            }
            """));
        test.TestState.Sources.Add(("/0/AddUsers.cs", """
            using FluentMigrator;

            [Migration(1)]
            public class AddUsers : ProjectMigration
            {
                public override void Up() => Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
            }
            """));
        test.TestState.Sources.Add(("/0/AddRoles.cs", """
            using FluentMigrator;

            [Migration(2)]
            public class AddRoles : ProjectMigration
            {
                public override void Up() => Create.Table("Roles").WithColumn("Id").AsInt32().PrimaryKey();
            }
            """));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithLocation(0)
            .WithArguments("ProjectMigration", "it is the base class of 2 migrations and a ForwardOnlyMigration"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_Down_that_throws_on_purpose_is_silent_by_default()
    {
        const string source = """
            using System;
            using FluentMigrator;

            [Migration(20240101120000)]
            public class AddUsers : Migration
            {
                public override void Up() => Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();

                public override void Down() => throw new NotSupportedException("Restore the backup instead");
            }
            """;
        await Verifier.AnalyzeAsync(source);
    }
}
