using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Robustness;
using MigrationAnalyzers.Tests.Rules.Migrations;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// The target database policy on a migrations project that references every EF Core provider (SQL Server, SQLite,
/// Npgsql, Pomelo), as a shared infrastructure project makes it: the references decide nothing, the evidence does.
/// </summary>
public class TargetDatabasePolicyTests
{
    private const string NoEvidence = """
                    migrationBuilder.DropIndex(name: "IX_Orders_Note", table: "Orders");
        """;

    private static (string Path, string Text)[] Migration(string id, string className, string up, string down = "", string targetModel = "", string folder = "Migrations")
        => new[]
        {
            ($"/0/{folder}/{id}.Designer.cs", Sources.Designer(className, id, targetModel)),
            ($"/0/{folder}/{id}.cs", EfMigrationSources.Migration(className, up, down)),
        };

    private static async Task<(Compilation Compilation, MigrationInfo Migration)> Compile(ReferenceAssemblies references, string className, params (string Path, string Text)[][] migrations)
    {
        var sources = new List<(string Path, string Text)> { (Sources.DbContextPath, Sources.DbContext) };
        foreach (var migration in migrations)
        {
            sources.AddRange(migration);
        }

        var compilation = await TestCompilation.CreateAsync(references, sources.ToArray());
        var migrationInfo = MigrationCatalog.For(compilation).All.Single(m => m.Name == className);
        return (compilation, migrationInfo);
    }

    private static async Task<TargetDatabase> Resolve(string up, string down = "", string targetModel = "", ReferenceAssemblies? references = null)
    {
        var (compilation, migration) = await Compile(references ?? TestReferences.EfCoreAllProviders, "Change", Migration("20240301090000_Change", "Change", up, down, targetModel));
        return TargetDatabasePolicy.Resolve(compilation, null, migration);
    }

    private static async Task AssertDecides(DatabaseProvider expected, TargetEvidence evidence, string up, string down = "", string targetModel = "")
    {
        var target = await Resolve(up, down, targetModel);
        Assert.Equal(expected, target.Provider);
        Assert.Equal(evidence, target.Evidence);
    }

    [Fact]
    public async Task Every_provider_referenced_and_no_evidence_is_unknown_never_PostgreSQL()
    {
        var target = await Resolve(NoEvidence);
        Assert.Equal(DatabaseProvider.Unknown, target.Provider);
        Assert.Equal(TargetEvidence.None, target.Evidence);
        Assert.Same(ProviderBehaviour.Unknown, target.Behaviour);
    }

    [Fact]
    public async Task A_single_referenced_provider_decides_when_nothing_else_does()
    {
        var target = await Resolve(NoEvidence, references: TestReferences.EfCoreNpgsql);
        Assert.Equal(DatabaseProvider.PostgreSql, target.Provider);
        Assert.Equal(TargetEvidence.Reference, target.Evidence);
    }

    [Theory]
    [InlineData("Npgsql:ValueGenerationStrategy", DatabaseProvider.PostgreSql)]
    [InlineData("MySql:CharSet", DatabaseProvider.MySql)]
    [InlineData("Sqlite:Autoincrement", DatabaseProvider.Sqlite)]
    [InlineData("SqlServer:Identity", DatabaseProvider.SqlServer)]
    public async Task A_provider_annotation_in_the_operations_decides(string annotation, DatabaseProvider expected)
        => await AssertDecides(expected, TargetEvidence.Operations, $$"""
                    migrationBuilder.AddColumn<int>(name: "Number", table: "Orders", nullable: false, defaultValue: 0)
                        .Annotation("{{annotation}}", true);
        """);

    [Theory]
    [InlineData("NpgsqlValueGenerationStrategy.IdentityByDefaultColumn", DatabaseProvider.PostgreSql)]
    [InlineData("MySqlValueGenerationStrategy.IdentityColumn", DatabaseProvider.MySql)]
    [InlineData("SqlServerValueGenerationStrategy.IdentityColumn", DatabaseProvider.SqlServer)]
    public async Task A_provider_value_generation_enum_decides(string value, DatabaseProvider expected)
        => await AssertDecides(expected, TargetEvidence.Operations, $$"""
                    migrationBuilder.AlterColumn<int>(name: "Id", table: "Orders", nullable: false, oldClrType: typeof(int))
                        .OldAnnotation("Strategy", {{value}});
        """);

    [Theory]
    [InlineData("uuid", "timestamp with time zone", DatabaseProvider.PostgreSql)]
    [InlineData("character varying(100)", "text", DatabaseProvider.PostgreSql)]
    [InlineData("TEXT", "INTEGER", DatabaseProvider.Sqlite)]
    [InlineData("char(36)", "longtext", DatabaseProvider.MySql)]
    [InlineData("tinyint(1)", "datetime(6)", DatabaseProvider.MySql)]
    [InlineData("nvarchar(max)", "uniqueidentifier", DatabaseProvider.SqlServer)]
    [InlineData("datetime2", "bit", DatabaseProvider.SqlServer)]
    public async Task Store_types_decide(string first, string second, DatabaseProvider expected)
        => await AssertDecides(expected, TargetEvidence.Operations, $$"""
                    migrationBuilder.AddColumn<string>(name: "A", table: "Orders", type: "{{first}}", nullable: true);
                    migrationBuilder.AddColumn<string>(name: "B", table: "Orders", type: "{{second}}", nullable: true);
        """);

    [Fact]
    public async Task Shared_store_types_decide_nothing()
    {
        var target = await Resolve("""
                    migrationBuilder.AddColumn<int>(name: "A", table: "Orders", type: "int", nullable: true);
                    migrationBuilder.AddColumn<decimal>(name: "B", table: "Orders", type: "decimal(18,2)", nullable: true);
        """);
        Assert.Equal(DatabaseProvider.Unknown, target.Provider);
    }

    [Fact]
    public async Task Backticks_in_raw_SQL_mean_MySQL()
        => await AssertDecides(DatabaseProvider.MySql, TargetEvidence.Operations, """
                    migrationBuilder.Sql("UPDATE `Orders` SET `Note` = '' WHERE `Note` IS NULL;");
        """);

    [Fact]
    public async Task Brackets_in_raw_SQL_mean_SQL_Server_but_array_subscripts_do_not()
    {
        await AssertDecides(DatabaseProvider.SqlServer, TargetEvidence.Operations, """
                    migrationBuilder.Sql("UPDATE [dbo].[Orders] SET [Note] = N'' WHERE [Note] IS NULL;");
        """);
        var target = await Resolve("""
                    migrationBuilder.Sql("UPDATE orders SET tags = ARRAY['a'], first = tags[1] WHERE note = '[x]';");
        """);
        Assert.Equal(DatabaseProvider.Unknown, target.Provider);
    }

    [Fact]
    public async Task Double_quotes_alone_are_too_weak_to_choose_between_PostgreSQL_and_SQLite()
    {
        var target = await Resolve("""
                    migrationBuilder.Sql("UPDATE \"Orders\" SET \"Note\" = '' WHERE \"Note\" IS NULL;");
        """);
        Assert.Equal(DatabaseProvider.Unknown, target.Provider);
    }

    [Fact]
    public async Task The_Designer_decides_when_the_operations_say_nothing()
        => await AssertDecides(DatabaseProvider.PostgreSql, TargetEvidence.Designer, NoEvidence, targetModel: """
                    modelBuilder.HasAnnotation("Relational:MaxIdentifierLength", 63);
                    NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);
        """);

    [Fact]
    public async Task The_operations_win_over_a_Designer_that_shows_another_provider()
        => await AssertDecides(
            DatabaseProvider.MySql,
            TargetEvidence.Operations,
            """
                    migrationBuilder.AddColumn<Guid>(name: "Key", table: "Orders", type: "char(36)", nullable: false, collation: "ascii_general_ci")
                        .Annotation("MySql:CharSet", "utf8mb4");
        """,
            targetModel: """
                    modelBuilder.HasAnnotation("Relational:MaxIdentifierLength", 63);
                    NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);
                    modelBuilder.Entity("Shop.Order", b => b.Property<Guid>("Key").HasColumnType("uuid"));
        """);

    [Fact]
    public async Task A_migration_without_evidence_takes_the_database_most_of_its_history_shows()
    {
        var (compilation, migration) = await Compile(
            TestReferences.EfCoreAllProviders,
            "AddNoteIndex",
            Migration("20240101090000_CreateOrders", "CreateOrders", """
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                            Note = table.Column<string>(type: "TEXT", nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
        """),
            Migration("20240102090000_AddTotal", "AddTotal", """
                    migrationBuilder.AddColumn<decimal>(name: "Total", table: "Orders", type: "TEXT", nullable: false, defaultValue: 0m);
        """),
            Migration("20240103090000_AddNoteIndex", "AddNoteIndex", """
                    migrationBuilder.CreateIndex(name: "IX_Orders_Note", table: "Orders", column: "Note");
        """));

        var target = TargetDatabasePolicy.Resolve(compilation, null, migration);
        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal(TargetEvidence.History, target.Evidence);
        Assert.Equal(DeploymentModel.SingleInstance, Deployment.Resolve(null, migration.Location.SourceTree, target));
    }

    /// <summary>One migration whose operations name no database (a TEXT column is any provider's).</summary>
    private static Task<(Compilation Compilation, MigrationInfo Migration)> CompileChangeWithoutEvidence()
        => Compile(
            TestReferences.EfCoreAllProviders,
            "Change",
            Migration("20240301090000_Change", "Change", """
                    migrationBuilder.AddColumn<string>(name: "A", table: "Orders", type: "TEXT", nullable: true);
        """));

    private static AnalyzerOptions MySqlOnOneInstance()
        => TestAnalyzerConfig.Create(new Dictionary<string, string>
        {
            ["migration_analyzers.target_database"] = "mysql",
            ["migration_analyzers.deployment"] = "single_instance",
        });

    [Fact]
    public async Task The_setting_wins_over_the_evidence_and_the_deployment_setting_over_the_default()
    {
        var (compilation, migration) = await CompileChangeWithoutEvidence();
        var options = MySqlOnOneInstance();

        var target = TargetDatabasePolicy.Resolve(compilation, options, migration);
        Assert.Equal(DatabaseProvider.MySql, target.Provider);
        Assert.Equal(TargetEvidence.Setting, target.Evidence);
        Assert.Equal(DeploymentModel.SingleInstance, Deployment.Resolve(options, migration.Location.SourceTree, target));
        Assert.Equal(DeploymentModel.Rolling, Deployment.Resolve(null, migration.Location.SourceTree, target));
        Assert.Equal(DeploymentModel.Rolling, Deployment.Resolve(null, migration.Location.SourceTree, TargetDatabase.Unknown));
    }

    [Fact]
    public async Task The_answer_kept_per_migration_follows_the_options_it_is_asked_with()
    {
        var (compilation, migration) = await CompileChangeWithoutEvidence();
        var mysql = MySqlOnOneInstance();
        var postgres = TestAnalyzerConfig.Create(new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql" });

        // Asked twice with each: the second answer is the kept one, and other options are never given it.
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(DatabaseProvider.MySql, TargetDatabasePolicy.Resolve(compilation, mysql, migration).Provider);
            Assert.Equal(DeploymentModel.SingleInstance, TargetDatabasePolicy.DeploymentOf(compilation, mysql, migration));
            Assert.Equal(DatabaseProvider.PostgreSql, TargetDatabasePolicy.Resolve(compilation, postgres, migration).Provider);
            Assert.Equal(DeploymentModel.Rolling, TargetDatabasePolicy.DeploymentOf(compilation, postgres, migration));
        }

        Assert.Same(TargetDatabasePolicy.Resolve(compilation, postgres, migration), TargetDatabasePolicy.Resolve(compilation, postgres, migration));
    }

    [Fact]
    public async Task FluentMigrator_IfDatabase_limits_an_operation_to_the_databases_it_names()
    {
        var compilation = await TestCompilation.CreateAsync(TestReferences.FluentMigrator, ("/0/M1.cs", """
            using FluentMigrator;

            [Migration(202401010900)]
            public class AddIndex : Migration
            {
                public override void Up()
                {
                    IfDatabase("Postgres").Create.Index("IX_Orders_Note").OnTable("Orders").OnColumn("Note");
                    IfDatabase("SqlServer2016", "SQLite").Create.Index("IX_Orders_Total").OnTable("Orders").OnColumn("Total");
                }

                public override void Down() { }
            }
            """));
        var migration = MigrationCatalog.For(compilation).All.Single();
        var postgresOnly = migration.Up.Operations[0];
        var others = migration.Up.Operations[1];

        Assert.Equal(DatabaseProvider.PostgreSql, TargetDatabasePolicy.ForOperation(TargetDatabase.Unknown, postgresOnly)!.Provider);
        Assert.Equal(DatabaseProvider.Unknown, TargetDatabasePolicy.ForOperation(TargetDatabase.Unknown, others)!.Provider);

        var sqlServer = new TargetDatabase(DatabaseProvider.SqlServer, null, TargetEvidence.Setting);
        Assert.Null(TargetDatabasePolicy.ForOperation(sqlServer, postgresOnly));
        Assert.Same(sqlServer, TargetDatabasePolicy.ForOperation(sqlServer, others));

        // Two blocks naming different databases: the migration as a whole decides nothing.
        Assert.Equal(DatabaseProvider.Unknown, TargetDatabasePolicy.Resolve(compilation, null, migration).Provider);
    }
}
