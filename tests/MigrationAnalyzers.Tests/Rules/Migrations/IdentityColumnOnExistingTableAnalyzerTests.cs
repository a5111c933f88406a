using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.IdentityColumnOnExistingTableAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>MIG1160: identity, serial or auto-increment column added to an existing table.</summary>
public class IdentityColumnOnExistingTableAnalyzerTests
{
    private const string Id = "20240801090000_AddOrderNumber";

    private const string Postgres = "PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock";

    private static DiagnosticResult Diagnostic(int location, string table, string column, string kind, string consequence)
        => new DiagnosticResult("MIG1160", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(table, column, kind, consequence);

    private static AnalyzerTest Test(ReferenceAssemblies references, string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = references };
        EfMigrationSources.Add(test.TestState, Id, "AddOrderNumber", up, usings: "using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;");
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public async Task Npgsql_identity_and_serial_columns_on_existing_tables_are_reported()
    {
        await Test(
            TestReferences.EfCoreNpgsql,
            """
                        {|#0:migrationBuilder.AddColumn<long>(
                            name: "Number",
                            table: "Orders",
                            type: "bigint",
                            nullable: false,
                            defaultValue: 0L)
                            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)|};
                        {|#1:migrationBuilder.AddColumn<int>(name: "LegacyNumber", table: "Invoices", type: "serial", nullable: false)|};
            """,
            Diagnostic(0, "Orders", "Number", "an identity", Postgres),
            Diagnostic(1, "Invoices", "LegacyNumber", "the type serial", Postgres)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Near_misses_are_silent()
    {
        // A table created by the same migration is empty; a plain bigint column and a HiLo sequence number nothing per row.
        await Test(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.CreateTable(name: "Tags", columns: table => new { Name = table.Column<string>(type: "text", nullable: false) });
                        migrationBuilder.AddColumn<long>(name: "Id", table: "Tags", type: "bigint", nullable: false)
                            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
                        migrationBuilder.AddColumn<long>(name: "ExternalNumber", table: "Orders", type: "bigint", nullable: false, defaultValue: 0L);
                        migrationBuilder.AddColumn<long>(name: "Sequence", table: "Orders", type: "bigint", nullable: false, defaultValue: 0L)
                            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SequenceHiLo);
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SqlServer_identity_is_reported()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreSqlServer };
        EfMigrationSources.Add(test.TestState, Id, "AddOrderNumber", """
                        {|#0:migrationBuilder.AddColumn<int>(name: "Number", table: "Orders", type: "int", nullable: false, defaultValue: 0)
                            .Annotation("SqlServer:Identity", "1, 1")|};
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(0, "Orders", "Number", "an identity", "SQL Server writes a value into every row while a schema-modification lock blocks reads and writes"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Single_instance_deployment_and_SQLite_are_silent()
    {
        var single = Test(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.AddColumn<int>(name: "LegacyNumber", table: "Invoices", type: "serial", nullable: false);
            """);
        single.WithEditorConfig("migration_analyzers.deployment = single_instance\n");
        await single.RunAsync(CancellationToken.None);

        var sqlite = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreSqlite };
        EfMigrationSources.Add(sqlite.TestState, Id, "AddOrderNumber", """
                        migrationBuilder.AddColumn<int>(name: "Number", table: "Orders", type: "INTEGER", nullable: false, defaultValue: 0)
                            .Annotation("Sqlite:Autoincrement", true);
            """);
        await sqlite.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_identity_on_an_existing_table_is_reported_and_on_a_new_table_is_not()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.TestState.Sources.Add(("/0/Migrations/M0090.cs", """
            using FluentMigrator;

            [Migration(90)]
            public class AddOrderNumber : Migration
            {
                public override void Up()
                {
                    {|#0:Alter.Table("Orders").AddColumn("Number").AsInt64().NotNullable().Identity()|};
                    Create.Table("Tags").WithColumn("Id").AsInt64().NotNullable().PrimaryKey().Identity();
                    Alter.Table("Orders").AddColumn("Reference").AsInt64().Nullable();
                }

                public override void Down()
                {
                    Delete.Table("Tags");
                    Delete.Column("Number").Column("Reference").FromTable("Orders");
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "Orders", "Number", "an identity", Postgres));
        await test.RunAsync(CancellationToken.None);
    }
}
