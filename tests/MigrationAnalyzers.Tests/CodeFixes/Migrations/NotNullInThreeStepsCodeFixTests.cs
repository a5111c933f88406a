using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.NotNullColumnWithoutDefaultAnalyzer>;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

public class NotNullInThreeStepsCodeFixTests
{
    private const string Id = OrderMigrationSources.AddOrderPriorityId;
    private const string Path = "/0/Migrations/20240301090000_AddOrderPriority.cs";

    private const string Original = OrderMigrationSources.AddOrderPriority;

    private const string ThreeSteps = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Metadata;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddOrderPriority : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Priority",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: true);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Priority",
                        table: "Orders");
                }
            }

            /// <inheritdoc />
            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090001_AddOrderPriorityBackfill")]
            public class AddOrderPriorityBackfill : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Rows that existed before AddOrderPriority get this value; the application writes Priority from now on.
                    migrationBuilder.Sql("UPDATE \"Orders\" SET \"Priority\" = 0 WHERE \"Priority\" IS NULL");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // Nothing to undo: the filled rows keep their value; AddOrderPriorityNotNull's Down makes Priority nullable again and AddOrderPriority's Down drops it.
                }

                // The schema is the same as after AddOrderPriority: its model maps the tables this migration's data operations use.
                public override IModel TargetModel => new AddOrderPriority().TargetModel;
            }

            /// <inheritdoc />
            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090002_AddOrderPriorityNotNull")]
            public class AddOrderPriorityNotNull : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<int>(
                        name: "Priority",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: false,
                        oldClrType: typeof(int),
                        oldType: "INTEGER",
                        oldNullable: true);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<int>(
                        name: "Priority",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: true,
                        oldClrType: typeof(int),
                        oldType: "INTEGER",
                        oldNullable: false);
                }

                // The schema is the same as after AddOrderPriority: its model maps the tables this migration's data operations use.
                public override IModel TargetModel => new AddOrderPriority().TargetModel;
            }
        }
        """;

    [Fact]
    public async Task EfCore_three_migrations_in_the_same_file()
    {
        var test = new CodeFixTest<NotNullColumnWithoutDefaultAnalyzer, NotNullInThreeStepsCodeFix> { CodeActionEquivalenceKey = NotNullInThreeStepsCodeFix.SameFileKey };
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("AddOrderPriority", Id)));
        test.TestState.Sources.Add((Path, Original));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1030").WithSpan(Path, 13, 13, 17, 33)
            .WithArguments("Orders", "Priority", "is added as NOT NULL without a default, so the existing rows have no value for it"));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("AddOrderPriority", Id)));
        test.FixedState.Sources.Add((Path, ThreeSteps));
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_three_migrations_in_the_same_file()
    {
        // FluentMigrator code names no database: the setting gives the backfill SQL its dialect.
        var test = new CodeFixTest<NotNullColumnWithoutDefaultAnalyzer, NotNullInThreeStepsCodeFix> { CodeActionEquivalenceKey = NotNullInThreeStepsCodeFix.SameFileKey }
            .WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.TestState.Sources.Add(("/0/Migrations/AddOrderPriority.cs", """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderPriority : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders")
                        .AddColumn("Priority").AsInt32().NotNullable();
                }

                public override void Down()
                {
                    Delete.Column("Priority").FromTable("Orders");
                }
            }
            """));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1030").WithSpan("/0/Migrations/AddOrderPriority.cs", 10, 9, 11, 59)
            .WithArguments("Orders", "Priority", "is added as NOT NULL without a default, so the existing rows have no value for it"));
        test.FixedState.Sources.Add(("/0/Migrations/AddOrderPriority.cs", """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderPriority : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders")
                        .AddColumn("Priority").AsInt32().Nullable();
                }

                public override void Down()
                {
                    Delete.Column("Priority").FromTable("Orders");
                }
            }

            [Migration(202403010901)]
            public class AddOrderPriorityBackfill : Migration
            {
                public override void Up()
                {
                    // Rows that existed before AddOrderPriority get this value; the application writes Priority from now on.
                    Execute.Sql("UPDATE \"Orders\" SET \"Priority\" = 0 WHERE \"Priority\" IS NULL");
                }

                public override void Down()
                {
                    // Nothing to undo: the filled rows keep their value; AddOrderPriorityNotNull's Down makes Priority nullable again and AddOrderPriority's Down drops it.
                }
            }

            [Migration(202403010902)]
            public class AddOrderPriorityNotNull : Migration
            {
                public override void Up()
                {
                    Alter.Column("Priority").OnTable("Orders").AsInt32().NotNullable();
                }

                public override void Down()
                {
                    Alter.Column("Priority").OnTable("Orders").AsInt32().Nullable();
                }
            }
            """));
        await test.RunAsync();
    }

    // One fix covers both columns: one backfill and one NOT NULL migration serve them, and Fix All (which the test runs
    // in every scope) gives the same file as fixing the first diagnostic.
    [Fact]
    public async Task Two_columns_of_one_migration_share_the_new_migrations_and_Fix_All_equals_one_fix()
    {
        const string path = "/0/Migrations/AddOrderRanking.cs";
        var test = new CodeFixTest<NotNullColumnWithoutDefaultAnalyzer, NotNullInThreeStepsCodeFix> { CodeActionEquivalenceKey = NotNullInThreeStepsCodeFix.SameFileKey }
            .WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.TestState.Sources.Add((path, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderRanking : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders")
                        .AddColumn("Priority").AsInt32().NotNullable();
                    Alter.Table("Orders")
                        .AddColumn("Weight").AsDecimal(10, 2);
                }

                public override void Down()
                {
                    Delete.Column("Weight").FromTable("Orders");
                    Delete.Column("Priority").FromTable("Orders");
                }
            }
            """));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1030").WithSpan(path, 10, 9, 11, 59)
            .WithArguments("Orders", "Priority", "is added as NOT NULL without a default, so the existing rows have no value for it"));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1030").WithSpan(path, 12, 9, 13, 50)
            .WithArguments("Orders", "Weight", "is added as NOT NULL without a default, so the existing rows have no value for it"));
        test.FixedState.Sources.Add((path, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderRanking : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders")
                        .AddColumn("Priority").AsInt32().Nullable();
                    Alter.Table("Orders")
                        .AddColumn("Weight").AsDecimal(10, 2).Nullable();
                }

                public override void Down()
                {
                    Delete.Column("Weight").FromTable("Orders");
                    Delete.Column("Priority").FromTable("Orders");
                }
            }

            [Migration(202403010901)]
            public class AddOrderRankingBackfill : Migration
            {
                public override void Up()
                {
                    // Rows that existed before AddOrderRanking get this value; the application writes Priority from now on.
                    Execute.Sql("UPDATE \"Orders\" SET \"Priority\" = 0 WHERE \"Priority\" IS NULL");
                    // Rows that existed before AddOrderRanking get this value; the application writes Weight from now on.
                    Execute.Sql("UPDATE \"Orders\" SET \"Weight\" = 0 WHERE \"Weight\" IS NULL");
                }

                public override void Down()
                {
                    // Nothing to undo: the filled rows keep their value; AddOrderRankingNotNull's Down makes Priority, Weight nullable again and AddOrderRanking's Down drops them.
                }
            }

            [Migration(202403010902)]
            public class AddOrderRankingNotNull : Migration
            {
                public override void Up()
                {
                    Alter.Column("Priority").OnTable("Orders").AsInt32().NotNullable();
                    Alter.Column("Weight").OnTable("Orders").AsDecimal(10, 2).NotNullable();
                }

                public override void Down()
                {
                    Alter.Column("Weight").OnTable("Orders").AsDecimal(10, 2).Nullable();
                    Alter.Column("Priority").OnTable("Orders").AsInt32().Nullable();
                }
            }
            """));
        await test.RunAsync();
    }
}
