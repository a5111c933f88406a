using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.SchemaAndDataInOneMigrationAnalyzer>;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

/// <summary>FluentMigrator, Fix All across a project, seed data, and the cases where splitting would change the meaning.</summary>
public class SplitSchemaAndDataCodeFixMoreTests
{
    private static CodeFixTest<SchemaAndDataInOneMigrationAnalyzer, SplitSchemaAndDataCodeFix> Test(string key = SplitSchemaAndDataCodeFix.SameFileKey)
        => new CodeFixTest<SchemaAndDataInOneMigrationAnalyzer, SplitSchemaAndDataCodeFix> { CodeActionEquivalenceKey = key };

    [Fact]
    public async Task FluentMigrator_file_scoped_namespace_split_keeps_the_index_and_moves_the_backfill()
    {
        var test = Test();
        test.TestState.Sources.Add(("/0/Migrations/M202403010900_AddOrderStatus.cs", """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public sealed class AddOrderStatus : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders").AddColumn("Status").AsInt32().Nullable();
                    Execute.Sql("UPDATE Orders SET Status = 0");
                    Create.Index("IX_Orders_Status").OnTable("Orders").OnColumn("Status");
                }

                public override void Down()
                {
                    Delete.Index("IX_Orders_Status").OnTable("Orders");
                    Delete.Column("Status").FromTable("Orders");
                }
            }
            """));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan("/0/Migrations/M202403010900_AddOrderStatus.cs", 11, 9, 11, 52)
            .WithArguments("AddOrderStatus", "Alter.Table on 'Orders' and Execute.Sql", ""));
        test.FixedState.Sources.Add(("/0/Migrations/M202403010900_AddOrderStatus.cs", """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public sealed class AddOrderStatus : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders").AddColumn("Status").AsInt32().Nullable();
                    Create.Index("IX_Orders_Status").OnTable("Orders").OnColumn("Status");
                }

                public override void Down()
                {
                    Delete.Index("IX_Orders_Status").OnTable("Orders");
                    Delete.Column("Status").FromTable("Orders");
                }
            }

            [Migration(202403010901)]
            public sealed class AddOrderStatusData : Migration
            {
                public override void Up()
                {
                    Execute.Sql("UPDATE Orders SET Status = 0");
                }

                public override void Down()
                {
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_leading_lock_timeout_setting_stays_with_the_schema_changes_and_the_split_is_still_offered()
    {
        // MIG1193's fix writes SET LOCAL lock_timeout first; the split gives what it gives when it runs before that fix.
        var test = Test();
        test.TestState.Sources.Add(("/0/Migrations/M202403010900_AddOrderStatus.cs", """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public sealed class AddOrderStatus : Migration
            {
                public override void Up()
                {
                    Execute.Sql("SET LOCAL lock_timeout = '5s'");
                    Alter.Table("Orders").AddColumn("Status").AsInt32().Nullable();
                    Execute.Sql("UPDATE Orders SET Status = 0");
                }

                public override void Down()
                {
                    Delete.Column("Status").FromTable("Orders");
                }
            }
            """));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan("/0/Migrations/M202403010900_AddOrderStatus.cs", 12, 9, 12, 52)
            .WithArguments("AddOrderStatus", "Alter.Table on 'Orders' and Execute.Sql", ""));
        test.FixedState.Sources.Add(("/0/Migrations/M202403010900_AddOrderStatus.cs", """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public sealed class AddOrderStatus : Migration
            {
                public override void Up()
                {
                    Execute.Sql("SET LOCAL lock_timeout = '5s'");
                    Alter.Table("Orders").AddColumn("Status").AsInt32().Nullable();
                }

                public override void Down()
                {
                    Delete.Column("Status").FromTable("Orders");
                }
            }

            [Migration(202403010901)]
            public sealed class AddOrderStatusData : Migration
            {
                public override void Up()
                {
                    Execute.Sql("UPDATE Orders SET Status = 0");
                }

                public override void Down()
                {
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_new_file_is_named_like_its_neighbour()
    {
        var test = Test(SplitSchemaAndDataCodeFix.NewFileKey);
        const string original = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(42, TransactionBehavior.None)]
                public class AddOrderStatus : Migration
                {
                    public override void Up()
                    {
                        Alter.Table("Orders").AddColumn("Status").AsInt32().Nullable();
                        Update.Table("Orders").Set(new { Status = 0 }).AllRows();
                    }

                    public override void Down()
                    {
                        Update.Table("Orders").Set(new { Status = (int?)null }).AllRows();
                        Delete.Column("Status").FromTable("Orders");
                    }
                }

                public static class OrderStates
                {
                    public const int Open = 0;
                }
            }
            """;
        test.TestState.Sources.Add(("/0/Migrations/0042_AddOrderStatus.cs", original));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan("/0/Migrations/0042_AddOrderStatus.cs", 11, 13, 11, 69)
            .WithArguments("AddOrderStatus", "Alter.Table on 'Orders' and Update.Table on 'Orders'", ""));
        test.FixedState.Sources.Add(("/0/Migrations/0042_AddOrderStatus.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(42, TransactionBehavior.None)]
                public class AddOrderStatus : Migration
                {
                    public override void Up()
                    {
                        Alter.Table("Orders").AddColumn("Status").AsInt32().Nullable();
                    }

                    public override void Down()
                    {
                        Delete.Column("Status").FromTable("Orders");
                    }
                }

                public static class OrderStates
                {
                    public const int Open = 0;
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Migrations/0043_AddOrderStatusData.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(43, TransactionBehavior.None)]
                public class AddOrderStatusData : Migration
                {
                    public override void Up()
                    {
                        Update.Table("Orders").Set(new { Status = 0 }).AllRows();
                    }

                    public override void Down()
                    {
                        Update.Table("Orders").Set(new { Status = (int?)null }).AllRows();
                    }
                }
            }
            """));
        test.BatchFixedState.Sources.Add(("/0/Migrations/0042_AddOrderStatus.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(42, TransactionBehavior.None)]
                public class AddOrderStatus : Migration
                {
                    public override void Up()
                    {
                        Alter.Table("Orders").AddColumn("Status").AsInt32().Nullable();
                    }

                    public override void Down()
                    {
                        Delete.Column("Status").FromTable("Orders");
                    }
                }

                [Migration(43, TransactionBehavior.None)]
                public class AddOrderStatusData : Migration
                {
                    public override void Up()
                    {
                        Update.Table("Orders").Set(new { Status = 0 }).AllRows();
                    }

                    public override void Down()
                    {
                        Update.Table("Orders").Set(new { Status = (int?)null }).AllRows();
                    }
                }

                public static class OrderStates
                {
                    public const int Open = 0;
                }
            }
            """));
        await test.RunAsync();
    }

    private const string ReportingContext = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Reporting
        {
            public class ReportingDbContext : DbContext
            {
            }

            [DbContext(typeof(ReportingDbContext))]
            [Migration("20240301090001_AddReports")]
            public class AddReports : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                    => migrationBuilder.CreateTable(name: "Reports", columns: table => new { Id = table.Column<int>(nullable: false) });

                protected override void Down(MigrationBuilder migrationBuilder)
                    => migrationBuilder.DropTable(name: "Reports");
            }
        }
        """;

    private static string Mixed(string id, string name, string table) => $$"""
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(AppDbContext))]
        [Migration("{{id}}")]
        public class {{name}} : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<bool>(name: "Archived", table: "{{table}}", nullable: false, defaultValue: false);
                migrationBuilder.UpdateData(table: "{{table}}", keyColumn: "Id", keyValue: 1, column: "Archived", value: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Archived", table: "{{table}}");
            }
        }
        """;

    private static string Split(string id, string name, string table, string dataId) => $$"""
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(AppDbContext))]
        [Migration("{{id}}")]
        public class {{name}} : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<bool>(name: "Archived", table: "{{table}}", nullable: false, defaultValue: false);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Archived", table: "{{table}}");
            }
        }

        [DbContext(typeof(AppDbContext))]
        [Migration("{{dataId}}")]
        public class {{name}}Data : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.UpdateData(table: "{{table}}", keyColumn: "Id", keyValue: 1, column: "Archived", value: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    [Fact]
    public async Task Fix_all_splits_every_migration_of_the_project_and_skips_taken_timestamps()
    {
        var test = Test();
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add(("/0/Reporting.cs", ReportingContext));
        test.TestState.Sources.Add(("/0/Migrations/20240301090000_ArchiveOrders.cs", Mixed("20240301090000_ArchiveOrders", "ArchiveOrders", "Orders")));
        test.TestState.Sources.Add(("/0/Migrations/20240302235959_ArchiveUsers.cs", Mixed("20240302235959_ArchiveUsers", "ArchiveUsers", "Users")));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan("/0/Migrations/20240301090000_ArchiveOrders.cs", 14, 9, 14, 116)
            .WithArguments("ArchiveOrders", "AddColumn on 'Orders' and UpdateData on 'Orders'", ""));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan("/0/Migrations/20240302235959_ArchiveUsers.cs", 14, 9, 14, 115)
            .WithArguments("ArchiveUsers", "AddColumn on 'Users' and UpdateData on 'Users'", ""));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add(("/0/Reporting.cs", ReportingContext));

        // 20240301090001 belongs to another context's history: taken, so skipped. 23:59:59 rolls over to the next day.
        test.FixedState.Sources.Add(("/0/Migrations/20240301090000_ArchiveOrders.cs", Split("20240301090000_ArchiveOrders", "ArchiveOrders", "Orders", "20240301090002_ArchiveOrdersData")));
        test.FixedState.Sources.Add(("/0/Migrations/20240302235959_ArchiveUsers.cs", Split("20240302235959_ArchiveUsers", "ArchiveUsers", "Users", "20240303000000_ArchiveUsersData")));
        await test.RunAsync();
    }

    private const string SeededWithIndex = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            public partial class AddStates : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "States",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            Name = table.Column<string>(type: "TEXT", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_States", x => x.Id);
                        });

                    migrationBuilder.InsertData(
                        table: "States",
                        columns: new[] { "Id", "Name" },
                        values: new object[,]
                        {
                            { 1, "Open" },
                            { 2, "Closed" }
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_States_Name",
                        table: "States",
                        column: "Name",
                        unique: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "States");
                }
            }
        }
        """;

    [Fact]
    public async Task Seed_data_moves_past_a_later_index_when_the_option_reports_it()
    {
        const string id = "20240301090000_AddStates";
        var test = Test().WithEditorConfig("migration_analyzers.MIG1020.report_seed_data_for_new_tables = true\n");
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add((Sources.DesignerPath(id), Sources.Designer("AddStates", id)));
        test.TestState.Sources.Add((Sources.MigrationPath(id), SeededWithIndex));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(id), 21, 13, 28, 19)
            .WithArguments("AddStates", "CreateTable on 'States' and InsertData on 'States'", ""));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add((Sources.DesignerPath(id), Sources.Designer("AddStates", id)));
        test.FixedState.Sources.Add((Sources.MigrationPath(id), """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Metadata;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations
            {
                public partial class AddStates : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.CreateTable(
                            name: "States",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false),
                                Name = table.Column<string>(type: "TEXT", nullable: false)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_States", x => x.Id);
                            });

                        migrationBuilder.CreateIndex(
                            name: "IX_States_Name",
                            table: "States",
                            column: "Name",
                            unique: true);
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(
                            name: "States");
                    }
                }

                [DbContext(typeof(AppDbContext))]
                [Migration("20240301090001_AddStatesData")]
                public class AddStatesData : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.InsertData(
                            table: "States",
                            columns: new[] { "Id", "Name" },
                            values: new object[,]
                            {
                                { 1, "Open" },
                                { 2, "Closed" }
                            });
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                    }

                    // The schema is the same as after AddStates: its model maps the tables this migration's data operations use.
                    public override IModel TargetModel => new AddStates().TargetModel;
                }
            }
            """));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("""
                    migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", nullable: true);
                    migrationBuilder.Sql("UPDATE Orders SET Status = 0");
                    migrationBuilder.AlterColumn<int>(name: "Status", table: "Orders", nullable: false, oldClrType: typeof(int), oldNullable: true);
        """, 14, "the data changes would have to move past AlterColumn on 'Orders', which could change what they do (raw SQL may read or write any table)")]
    [InlineData("""
                    migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", nullable: true);
                    migrationBuilder.Sql(Backfill);
        """, 14, "the moved code uses a member of the migration class (a constant, a helper), which the new migration cannot see")]
    [InlineData("""
                    migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", nullable: true);
                    migrationBuilder.Sql("UPDATE Orders SET Status = 0");
                    migrationBuilder.Sql("PRAGMA optimize");
        """, 14, "the split cannot tell whether Sql in Up changes the schema or the rows")]
    public async Task Not_offered_when_splitting_would_change_the_meaning(string up, int line, string why)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Shop.Data;

            namespace Shop.Data.Migrations
            {
                [DbContext(typeof(AppDbContext))]
                [Migration("20240301090000_AddOrderStatus")]
                public class AddOrderStatus : Migration
                {
                    private const string Backfill = "UPDATE Orders SET Status = 0";

                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
            {{up}}
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "Status", table: "Orders");
                    }
                }
            }
            """;
        var test = Test();
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add(("/0/Migrations/20240301090000_AddOrderStatus.cs", source));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan("/0/Migrations/20240301090000_AddOrderStatus.cs", line + 2, 13, line + 2, up.Split('\n')[1].TrimEnd().Length)
            .WithArguments("AddOrderStatus", "AddColumn on 'Orders' and Sql", "; no fix is offered: " + why));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add(("/0/Migrations/20240301090000_AddOrderStatus.cs", source));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync();
    }

    [Fact]
    public async Task New_file_keeps_usings_inside_the_namespace_like_its_neighbour()
    {
        const string id = "20240301090000_ArchiveOrders";
        const string original = """
            namespace Shop.Data.Migrations
            {
                using Microsoft.EntityFrameworkCore.Migrations;

                public partial class ArchiveOrders : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<bool>(name: "Archived", table: "Orders", nullable: false, defaultValue: false);
                        migrationBuilder.Sql("UPDATE Orders SET Archived = 1 WHERE Year < 2020");
                    }
                }
            }
            """;
        var test = Test(SplitSchemaAndDataCodeFix.NewFileKey);
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add((Sources.DesignerPath(id), Sources.Designer("ArchiveOrders", id)));
        test.TestState.Sources.Add((Sources.MigrationPath(id), original));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(id), 10, 13, 10, 85)
            .WithArguments("ArchiveOrders", "AddColumn on 'Orders' and Sql", ""));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add((Sources.DesignerPath(id), Sources.Designer("ArchiveOrders", id)));
        test.FixedState.Sources.Add((Sources.MigrationPath(id), """
            namespace Shop.Data.Migrations
            {
                using Microsoft.EntityFrameworkCore.Migrations;

                public partial class ArchiveOrders : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<bool>(name: "Archived", table: "Orders", nullable: false, defaultValue: false);
                    }
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Migrations/20240301090001_ArchiveOrdersData.cs", """
            namespace Shop.Data.Migrations
            {
                using Microsoft.EntityFrameworkCore.Infrastructure;
                using Microsoft.EntityFrameworkCore.Metadata;
                using Microsoft.EntityFrameworkCore.Migrations;

                [DbContext(typeof(AppDbContext))]
                [Migration("20240301090001_ArchiveOrdersData")]
                public class ArchiveOrdersData : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql("UPDATE Orders SET Archived = 1 WHERE Year < 2020");
                    }

                    // The schema is the same as after ArchiveOrders: its model maps the tables this migration's data operations use.
                    public override IModel TargetModel => new ArchiveOrders().TargetModel;
                }
            }
            """));
        test.BatchFixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.BatchFixedState.Sources.Add((Sources.DesignerPath(id), Sources.Designer("ArchiveOrders", id)));
        test.BatchFixedState.Sources.Add((Sources.MigrationPath(id), """
            namespace Shop.Data.Migrations
            {
                using Microsoft.EntityFrameworkCore.Infrastructure;
                using Microsoft.EntityFrameworkCore.Metadata;
                using Microsoft.EntityFrameworkCore.Migrations;

                public partial class ArchiveOrders : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<bool>(name: "Archived", table: "Orders", nullable: false, defaultValue: false);
                    }
                }

                [DbContext(typeof(AppDbContext))]
                [Migration("20240301090001_ArchiveOrdersData")]
                public class ArchiveOrdersData : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql("UPDATE Orders SET Archived = 1 WHERE Year < 2020");
                    }

                    // The schema is the same as after ArchiveOrders: its model maps the tables this migration's data operations use.
                    public override IModel TargetModel => new ArchiveOrders().TargetModel;
                }
            }
            """));
        await test.RunAsync();
    }
}
