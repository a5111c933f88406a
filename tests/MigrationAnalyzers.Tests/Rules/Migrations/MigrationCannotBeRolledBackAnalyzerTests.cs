using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.MigrationCannotBeRolledBackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class MigrationCannotBeRolledBackAnalyzerTests
{
    private const string Id = "20240101120000_AddUsers";

    private static (string, string)[] EfMigration(string body) => new[]
    {
        (Sources.DbContextPath, Sources.DbContext),
        (Sources.DesignerPath(Id), Sources.Designer("AddUsers", Id)),
        (Sources.MigrationPath(Id), $$"""
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Data.Migrations
            {
                /// <inheritdoc />
                public partial class AddUsers : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.CreateTable(
                            name: "Users",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false),
                                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Users", x => x.Id);
                            });
                    }
            {{body}}
                }
            }
            """),
    };

    [Fact]
    public async Task EfCore_missing_Down_is_reported_on_the_class_name()
    {
        var sources = EfMigration(string.Empty);
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1001").WithSpan(Sources.MigrationPath(Id), 9, 26, 9, 34).WithArguments("AddUsers", "Down is missing"));
    }

    [Fact]
    public async Task A_migration_marked_GeneratedCode_is_not_reported()
    {
        // The rule drops diagnostics in generated code itself (the driver is told not to look): a class marked
        // [GeneratedCode] in a hand-written file is generated code as much as a Designer file is.
        var sources = EfMigration(string.Empty);
        sources[2] = (sources[2].Item1, sources[2].Item2.Replace(
            "    public partial class AddUsers",
            "    [System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]\n    public partial class AddUsers",
            System.StringComparison.Ordinal));
        await Verifier.AnalyzeAsync(sources);
    }

    [Fact]
    public async Task EfCore_empty_Down_is_reported_on_Down()
    {
        var sources = EfMigration("""
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                    }
            """);
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1001").WithSpan(Sources.MigrationPath(Id), 26, 33, 26, 37).WithArguments("AddUsers", "Down is empty"));
    }

    [Fact]
    public async Task EfCore_Down_that_throws_a_bare_NotImplementedException_is_reported()
    {
        // The IDE's stub, not a decision.
        var sources = EfMigration("""
                    protected override void Down(MigrationBuilder migrationBuilder) => throw new NotImplementedException();
            """);
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1001").WithSpan(Sources.MigrationPath(Id), 26, 33, 26, 37).WithArguments("AddUsers", "Down only throws"));
    }

    [Theory]
    [InlineData("throw new NotSupportedException();")]
    [InlineData("throw new NotSupportedException(\"Migrations are forward only\");")]
    [InlineData("throw new InvalidOperationException(\"This migration cannot be undone\");")]
    [InlineData("throw new NotImplementedException(\"Restore from backup instead\");")]
    public async Task EfCore_Down_that_only_throws_on_purpose_is_forward_only_and_silent_by_default(string statement)
    {
        var sources = EfMigration($$"""
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        {{statement}}
                    }
            """);
        await Verifier.AnalyzeAsync(sources);
    }

    [Fact]
    public async Task EfCore_Down_that_only_throws_on_purpose_is_reported_when_forward_only_is_asked_for()
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>().WithEditorConfig("migration_analyzers.MIG1001.report_forward_only = true\n");
        foreach (var source in EfMigration("""
                    protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException();
            """))
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithSpan(Sources.MigrationPath(Id), 26, 33, 26, 37).WithArguments("AddUsers", "Down only throws"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EfCore_Pomelo_generated_backfill_does_not_stop_a_Down_from_being_generated()
    {
        const string PomeloId = "20240201120000_RequireEmail";
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations
            {
                public partial class RequireEmail : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.UpdateData(table: "Users", keyColumn: "Email", keyValue: null, column: "Email", value: "");
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "longtext", nullable: false,
                            oldClrType: typeof(string), oldType: "longtext", oldNullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4")
                            .OldAnnotation("MySql:CharSet", "utf8mb4");
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                    }
                }
            }
            """;
        await Verifier.AnalyzeAsync(
            new[]
            {
                (Sources.DbContextPath, Sources.DbContext),
                (Sources.DesignerPath(PomeloId), Sources.Designer("RequireEmail", PomeloId)),
                (Sources.MigrationPath(PomeloId), source),
            },
            Verifier.Diagnostic("MIG1001").WithSpan(Sources.MigrationPath(PomeloId), 16, 33, 16, 37).WithArguments("RequireEmail", "Down is empty"));
    }

    [Fact]
    public async Task EfCore_Down_that_drops_the_table_is_silent()
    {
        var sources = EfMigration("""
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(name: "Users");
                    }
            """);
        await Verifier.AnalyzeAsync(sources);
    }

    [Fact]
    public async Task Baseline_silences_older_migrations()
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>().WithEditorConfig("migration_analyzers.baseline = 20240101120000_AddUsers\n");
        foreach (var source in EfMigration(string.Empty))
        {
            test.TestState.Sources.Add(source);
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task Baseline_before_the_migration_keeps_it_reported()
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>().WithEditorConfig("migration_analyzers.baseline = 20231231000000\n");
        foreach (var source in EfMigration(string.Empty))
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithSpan(Sources.MigrationPath(Id), 9, 26, 9, 34).WithArguments("AddUsers", "Down is missing"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EfCore_migration_through_a_user_base_class_is_recognised()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations
            {
                public abstract class AuditedMigration : Migration
                {
                    protected const string UsersTable = "Users";
                }

                [Migration("20240101120000_AddUsers")]
                public class AddUsers : AuditedMigration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: nameof(AddUsers), table: UsersTable);
                    }
                }
            }
            """;
        await Verifier.AnalyzeAsync(source, Verifier.Diagnostic("MIG1001").WithSpan(11, 18, 11, 26).WithArguments(
            "AddUsers",
            "Down is missing; no Down can be generated because DropColumn 'Users.AddUsers' cannot be reversed: no earlier migration in this project creates that column"));
    }

    [Fact]
    public async Task EfCore_migration_split_over_two_hand_written_files_is_reported_once_on_the_part_with_Up()
    {
        var sources = EfMigration(string.Empty).Append(("Migrations/20240101120000_AddUsers.Helpers.cs", """
            namespace Shop.Data.Migrations
            {
                public partial class AddUsers
                {
                    private const string UsersTable = "Users";
                }
            }
            """)).ToArray();
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1001").WithSpan(Sources.MigrationPath(Id), 9, 26, 9, 34).WithArguments("AddUsers", "Down is missing"));
    }

    [Fact]
    public async Task FluentMigrator_empty_Down_is_reported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(20240101120000)]
            public class AddUsers : Migration
            {
                public override void Up()
                {
                    Create.Table("Users")
                        .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                        .WithColumn("Name").AsString(100).NotNullable();
                }

                public override void Down()
                {
                }
            }
            """;
        await Verifier.AnalyzeAsync(source, Verifier.Diagnostic("MIG1001").WithSpan(13, 26, 13, 30).WithArguments("AddUsers", "Down is empty"));
    }

    [Fact]
    public async Task FluentMigrator_AutoReversingMigration_is_silent()
    {
        const string source = """
            using FluentMigrator;

            [Migration(20240101120000)]
            public class AddUsers : AutoReversingMigration
            {
                public override void Up()
                {
                    Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
                }
            }
            """;
        await Verifier.AnalyzeAsync(source);
    }

    private const string ForwardOnly = """
        using FluentMigrator;

        [Migration(20240101120000)]
        public class SeedUsers : ForwardOnlyMigration
        {
            public override void Up()
            {
                Execute.Sql("INSERT INTO Users (Name) VALUES ('admin')");
            }
        }
        """;

    [Fact]
    public async Task FluentMigrator_ForwardOnlyMigration_is_silent_by_default()
    {
        await Verifier.AnalyzeAsync(ForwardOnly);
    }

    [Fact]
    public async Task FluentMigrator_ForwardOnlyMigration_is_reported_when_asked()
    {
        var test = new AnalyzerTest<MigrationCannotBeRolledBackAnalyzer>().WithEditorConfig("migration_analyzers.MIG1001.report_forward_only = true\n");
        test.TestState.Sources.Add(ForwardOnly);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithSpan(4, 14, 4, 23).WithArguments("SeedUsers", "it is a ForwardOnlyMigration"));
        await test.RunAsync();
    }
}
