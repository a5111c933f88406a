using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

public class VolatileDefaultCodeFixTests
{
    private const string Id = "20240301090000_AddOrderPublicId";
    private const string Path = "/0/Migrations/20240301090000_AddOrderPublicId.cs";
    private const string PostgreSql = "migration_analyzers.target_database = postgresql\n";

    private static string EfMigration(string up, string down, string members = "") => $$"""
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddOrderPublicId : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{up}}
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
        {{down}}
                }{{members}}
            }
        }
        """;

    private static CodeFixTest<DefaultRewritesTableAnalyzer, VolatileDefaultCodeFix> EfTest(string settings = PostgreSql)
    {
        var test = new CodeFixTest<DefaultRewritesTableAnalyzer, VolatileDefaultCodeFix> { CodeActionEquivalenceKey = VolatileDefaultCodeFix.SameFileKey }
            .WithEditorConfig(settings);
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("AddOrderPublicId", Id)));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("AddOrderPublicId", Id)));
        return test;
    }

    [Fact]
    public async Task EfCore_nullable_column_gets_its_default_by_SET_DEFAULT_and_a_backfill_migration_in_the_same_file()
    {
        var test = EfTest();
        test.TestState.Sources.Add((Path, EfMigration(
            """
                        {|MIG1140:migrationBuilder.AddColumn<Guid>(
                            name: "PublicId",
                            table: "Orders",
                            type: "uuid",
                            nullable: true,
                            defaultValueSql: "gen_random_uuid()")|};
            """,
            """
                        migrationBuilder.DropColumn(name: "PublicId", table: "Orders");
            """)));
        test.FixedState.Sources.Add((Path, """
            using System;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Metadata;
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Data.Migrations
            {
                /// <inheritdoc />
                public partial class AddOrderPublicId : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<Guid>(
                            name: "PublicId",
                            table: "Orders",
                            type: "uuid",
                            nullable: true);
                        // Only new rows get the default here, which is instant; AddOrderPublicIdBackfill gives it to the rows that exist (adding the column with it would rewrite the table).
                        migrationBuilder.Sql("ALTER TABLE \"Orders\" ALTER COLUMN \"PublicId\" SET DEFAULT gen_random_uuid();");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "PublicId", table: "Orders");
                    }
                }

                /// <inheritdoc />
                [DbContext(typeof(AppDbContext))]
                [Migration("20240301090001_AddOrderPublicIdBackfill")]
                public class AddOrderPublicIdBackfill : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        // Rows that existed before AddOrderPublicId get what the default gives new rows; the default fills PublicId from now on.
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"PublicId\" = gen_random_uuid() WHERE \"PublicId\" IS NULL");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        // Nothing to undo: the filled rows keep their value; AddOrderPublicId's Down drops it.
                    }

                    // The schema is the same as after AddOrderPublicId: its model maps the tables this migration's data operations use.
                    public override IModel TargetModel => new AddOrderPublicId().TargetModel;
                }
            }
            """));
        await test.RunAsync();
    }

    // Before PostgreSQL 11 a stable default rewrites the table too; the fix moves it the same way.
    [Fact]
    public async Task EfCore_any_default_SQL_before_PostgreSQL_11()
    {
        var test = EfTest(PostgreSql + "migration_analyzers.database_version = postgresql 10\n");
        test.TestState.Sources.Add((Path, EfMigration(
            """
                        {|MIG1140:migrationBuilder.AddColumn<DateTime>(name: "SeenAt", table: "Orders", type: "timestamp with time zone", nullable: true, defaultValueSql: "now()")|};
            """,
            """
                        migrationBuilder.DropColumn(name: "SeenAt", table: "Orders");
            """)));
        test.FixedState.Sources.Add((Path, """
            using System;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Metadata;
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Data.Migrations
            {
                /// <inheritdoc />
                public partial class AddOrderPublicId : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<DateTime>(name: "SeenAt", table: "Orders", type: "timestamp with time zone", nullable: true);
                        // Only new rows get the default here, which is instant; AddOrderPublicIdBackfill gives it to the rows that exist (adding the column with it would rewrite the table).
                        migrationBuilder.Sql("ALTER TABLE \"Orders\" ALTER COLUMN \"SeenAt\" SET DEFAULT now();");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "SeenAt", table: "Orders");
                    }
                }

                /// <inheritdoc />
                [DbContext(typeof(AppDbContext))]
                [Migration("20240301090001_AddOrderPublicIdBackfill")]
                public class AddOrderPublicIdBackfill : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        // Rows that existed before AddOrderPublicId get what the default gives new rows; the default fills SeenAt from now on.
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"SeenAt\" = now() WHERE \"SeenAt\" IS NULL");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        // Nothing to undo: the filled rows keep their value; AddOrderPublicId's Down drops it.
                    }

                    // The schema is the same as after AddOrderPublicId: its model maps the tables this migration's data operations use.
                    public override IModel TargetModel => new AddOrderPublicId().TargetModel;
                }
            }
            """));
        await test.RunAsync();
    }

    // One fix covers both columns: one backfill migration serves them, and Fix All (which the test runs in every scope)
    // gives the same file as fixing the first diagnostic. FluentMigrator's Postgres generator writes NewGuid as uuid_generate_v4().
    [Fact]
    public async Task FluentMigrator_two_columns_share_the_backfill_and_Fix_All_equals_one_fix()
    {
        const string path = "/0/Migrations/AddOrderIds.cs";
        var test = new CodeFixTest<DefaultRewritesTableAnalyzer, VolatileDefaultCodeFix> { CodeActionEquivalenceKey = VolatileDefaultCodeFix.SameFileKey }
            .WithEditorConfig(PostgreSql);
        test.TestState.Sources.Add((path, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderIds : Migration
            {
                public override void Up()
                {
                    {|MIG1140:Alter.Table("Orders")
                        .AddColumn("PublicId").AsGuid().Nullable().WithDefault(SystemMethods.NewGuid)|};
                    {|MIG1140:Alter.Table("Orders")
                        .AddColumn("TraceId").AsGuid()
                        .WithDefault(SystemMethods.NewSequentialId)
                        .Nullable()|};
                }

                public override void Down()
                {
                    Delete.Column("TraceId").FromTable("Orders");
                    Delete.Column("PublicId").FromTable("Orders");
                }
            }
            """));
        test.FixedState.Sources.Add((path, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderIds : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders")
                        .AddColumn("PublicId").AsGuid().Nullable();
                    // Only new rows get the default here, which is instant; AddOrderIdsBackfill gives it to the rows that exist (adding the column with it would rewrite the table).
                    Execute.Sql("ALTER TABLE \"Orders\" ALTER COLUMN \"PublicId\" SET DEFAULT uuid_generate_v4();");
                    Alter.Table("Orders")
                        .AddColumn("TraceId").AsGuid()
                        .Nullable();
                    // Only new rows get the default here, which is instant; AddOrderIdsBackfill gives it to the rows that exist (adding the column with it would rewrite the table).
                    Execute.Sql("ALTER TABLE \"Orders\" ALTER COLUMN \"TraceId\" SET DEFAULT uuid_generate_v1();");
                }

                public override void Down()
                {
                    Delete.Column("TraceId").FromTable("Orders");
                    Delete.Column("PublicId").FromTable("Orders");
                }
            }

            [Migration(202403010901)]
            public class AddOrderIdsBackfill : Migration
            {
                public override void Up()
                {
                    // Rows that existed before AddOrderIds get what the default gives new rows; the default fills PublicId from now on.
                    Execute.Sql("UPDATE \"Orders\" SET \"PublicId\" = uuid_generate_v4() WHERE \"PublicId\" IS NULL");
                    // Rows that existed before AddOrderIds get what the default gives new rows; the default fills TraceId from now on.
                    Execute.Sql("UPDATE \"Orders\" SET \"TraceId\" = uuid_generate_v1() WHERE \"TraceId\" IS NULL");
                }

                public override void Down()
                {
                    // Nothing to undo: the filled rows keep their value; AddOrderIds's Down drops them.
                }
            }
            """));
        await test.RunAsync();
    }

    // The table's primary key is known from the history: the backfill walks it in committed batches, so the new
    // migration runs without a transaction.
    [Fact]
    public async Task FluentMigrator_backfill_walks_the_primary_key_in_committed_batches()
    {
        const string createPath = "/0/Migrations/CreateOrders.cs";
        const string create = """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202401010900)]
            public class CreateOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders").WithColumn("Id").AsInt64().PrimaryKey().Identity().WithColumn("Total").AsDecimal();
                }

                public override void Down()
                {
                    Delete.Table("Orders");
                }
            }
            """;
        const string path = "/0/Migrations/AddOrderIds.cs";
        var test = new CodeFixTest<DefaultRewritesTableAnalyzer, VolatileDefaultCodeFix> { CodeActionEquivalenceKey = VolatileDefaultCodeFix.SameFileKey }
            .WithEditorConfig(PostgreSql);
        test.TestState.Sources.Add((createPath, create));
        test.FixedState.Sources.Add((createPath, create));

        // The fixed code holds "$$" (PostgreSQL's dollar quotes), which the test markup would read as a caret.
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
        test.TestState.Sources.Add((path, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderIds : Migration
            {
                public override void Up()
                {
                    {|MIG1140:Alter.Table("Orders").AddColumn("PublicId").AsGuid().Nullable().WithDefault(SystemMethods.NewGuid)|};
                }

                public override void Down()
                {
                    Delete.Column("PublicId").FromTable("Orders");
                }
            }
            """));
        test.FixedState.Sources.Add((path, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderIds : Migration
            {
                public override void Up()
                {
                    Alter.Table("Orders").AddColumn("PublicId").AsGuid().Nullable();
                    // Only new rows get the default here, which is instant; AddOrderIdsBackfill gives it to the rows that exist (adding the column with it would rewrite the table).
                    Execute.Sql("ALTER TABLE \"Orders\" ALTER COLUMN \"PublicId\" SET DEFAULT uuid_generate_v4();");
                }

                public override void Down()
                {
                    Delete.Column("PublicId").FromTable("Orders");
                }
            }

            [Migration(202403010901, TransactionBehavior.None)]
            public class AddOrderIdsBackfill : Migration
            {
                public override void Up()
                {
                    // Rows that existed before AddOrderIds get what the default gives new rows, 10000 at a time by primary key, each batch committed (so outside a transaction); run again, it fills only what is still NULL.
                    Execute.Sql(@"DO $$
            DECLARE
                batch_start_1 ""Orders"".""Id""%TYPE;
                batch_end_1 ""Orders"".""Id""%TYPE;
            BEGIN
                SELECT min(""Id"") INTO batch_start_1 FROM ""Orders"";
                WHILE batch_start_1 IS NOT NULL LOOP
                    SELECT max(""Id"") INTO batch_end_1 FROM (SELECT ""Id"" FROM ""Orders"" WHERE ""Id"" >= batch_start_1 ORDER BY ""Id"" LIMIT 10000) AS batch;
                    UPDATE ""Orders"" SET ""PublicId"" = uuid_generate_v4() WHERE ""Id"" BETWEEN batch_start_1 AND batch_end_1 AND ""PublicId"" IS NULL;
                    COMMIT;
                    SELECT min(""Id"") INTO batch_start_1 FROM ""Orders"" WHERE ""Id"" > batch_end_1;
                END LOOP;
            END $$;");
                }

                public override void Down()
                {
                    // Nothing to undo: the filled rows keep their value; AddOrderIds's Down drops it.
                }
            }
            """));
        await test.RunAsync();
    }

    /// <summary>EF Core migrations (Up, Down) on which MIG1140 is reported but its fix is not offered.</summary>
    public static IEnumerable<object[]> NotOffered()
    {
        // NOT NULL: the step that would make it NOT NULL is itself a full-table scan under an exclusive lock on PostgreSQL.
        yield return new object[] { """
                        migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Orders", type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()");
            """, string.Empty };

        // A stored computed column: its value has to stay computed, which a backfill does not do.
        yield return new object[] { """
                        migrationBuilder.AddColumn<decimal>(name: "Gross", table: "Orders", type: "numeric", nullable: true, computedColumnSql: "\"Net\" * 1.21", stored: true);
            """, string.Empty };

        // Annotations on the AddColumn: the fix does not know what they do to the column.
        yield return new object[] { """
                        migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Orders", type: "uuid", nullable: true, defaultValueSql: "gen_random_uuid()")
                            .Annotation("Shop:Audited", true);
            """, string.Empty };

        // Up calls a helper: the fix would not see everything Up does.
        yield return new object[] { """
                        migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Orders", type: "uuid", nullable: true, defaultValueSql: "gen_random_uuid()");
                        Helper(migrationBuilder);
            """, string.Empty };
    }

    [Theory]
    [MemberData(nameof(NotOffered))]
    public async Task EfCore_not_offered(string up, string down)
    {
        var sources = EfSources(up, down);
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources, settings: Settings);
        Assert.Contains(remaining, d => d.Id == "MIG1140");
        Assert.Equal(sources.ToDictionary(p => p.Path, p => p.Text), fixedSources);
    }

    // The same sources without an obstacle: the fix is offered there, so the cases above fail for their obstacle alone.
    [Fact]
    public async Task EfCore_offered_on_the_same_sources_without_an_obstacle()
    {
        var sources = EfSources("""
                        migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Orders", type: "uuid", nullable: true, defaultValueSql: "gen_random_uuid()");
            """, string.Empty);
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources, settings: Settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1140");
        Assert.Contains("SET DEFAULT gen_random_uuid();", fixedSources[Path]);
    }

    // Before PostgreSQL 11 a constant default rewrites the table too, but the fix does not write C# constants as SQL.
    [Fact]
    public async Task EfCore_not_offered_for_a_constant_default_value()
    {
        var sources = EfSources("""
                        migrationBuilder.AddColumn<int>(name: "Priority", table: "Orders", type: "integer", nullable: true, defaultValue: 0);
            """, string.Empty);
        var settings = new Dictionary<string, string>(Settings) { ["migration_analyzers.database_version"] = "postgresql 10" };
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources, settings: settings);
        Assert.Contains(remaining, d => d.Id == "MIG1140");
        Assert.Equal(sources.ToDictionary(p => p.Path, p => p.Text), fixedSources);
    }

    // Another migration sits right after the original: the backfill could not run directly after it.
    [Fact]
    public async Task EfCore_not_offered_when_a_migration_already_follows_directly()
    {
        const string nextId = "20240301090001_AddOrderNote";
        var sources = EfSources("""
                        migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Orders", type: "uuid", nullable: true, defaultValueSql: "gen_random_uuid()");
            """, string.Empty)
            .Append((Path: Sources.DesignerPath(nextId), Text: Sources.Designer("AddOrderNote", nextId)))
            .Append((Path: Sources.MigrationPath(nextId), Text: Rules.Migrations.EfMigrationSources.Migration("AddOrderNote", """
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "text", nullable: true);
            """)))
            .ToList();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources, settings: Settings);
        Assert.Contains(remaining, d => d.Id == "MIG1140");
        Assert.Equal(sources.ToDictionary(p => p.Path, p => p.Text), fixedSources);
    }

    // FluentMigrator: an AutoReversingMigration cannot reverse SQL, and WithDefaultValue is a constant the fix does not write.
    [Theory]
    [InlineData("AutoReversingMigration", ".AddColumn(\"PublicId\").AsGuid().Nullable().WithDefault(SystemMethods.NewGuid)", null)]
    [InlineData("Migration", ".AddColumn(\"Priority\").AsInt32().Nullable().WithDefaultValue(0)", "postgresql 10")]
    [InlineData("Migration", ".AddColumn(\"PublicId\").AsGuid().WithDefault(SystemMethods.NewGuid)", null)]
    public async Task FluentMigrator_not_offered(string baseClass, string column, string? version)
    {
        var down = baseClass == "Migration" ? "public override void Down() { }" : string.Empty;
        var sources = new List<(string Path, string Text)>
        {
            ("/0/Migrations/AddOrderIds.cs", $$"""
                using FluentMigrator;

                namespace Shop.Migrations;

                [Migration(202403010900)]
                public class AddOrderIds : {{baseClass}}
                {
                    public override void Up()
                    {
                        Alter.Table("Orders"){{column}};
                    }

                    {{down}}
                }
                """),
        };
        var settings = new Dictionary<string, string>(Settings);
        if (version is not null)
        {
            settings["migration_analyzers.database_version"] = version;
        }

        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new DefaultRewritesTableAnalyzer(), new VolatileDefaultCodeFix(), sources, settings: settings);
        Assert.Contains(remaining, d => d.Id == "MIG1140");
        Assert.Equal(sources.ToDictionary(p => p.Path, p => p.Text), fixedSources);
    }

    private static readonly Dictionary<string, string> Settings = new() { ["migration_analyzers.target_database"] = "postgresql" };

    private static List<(string Path, string Text)> EfSources(string up, string down) => new()
    {
        (Sources.DbContextPath, Sources.DbContext),
        (Sources.DesignerPath(Id), Sources.Designer("AddOrderPublicId", Id)),
        (Path, EfMigration(up, down, "\n\n        private static void Helper(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(\"SELECT 1\");")),
    };
}
