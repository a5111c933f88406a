using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.JsonInsteadOfJsonbAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>MIG1191 (opt-in): PostgreSQL json column instead of jsonb, and its fix for new columns.</summary>
public class JsonInsteadOfJsonbAnalyzerTests
{
    private const string Id = "20240901090000_AddPayloads";

    private const string New = "make it jsonb, which PostgreSQL parses once, can index (GIN) and compare; json only keeps the text as written (key order, duplicate keys, whitespace)";

    private const string Existing = "jsonb would be parsed once, indexable (GIN) and comparable, but changing an existing column's type rewrites the table under an ACCESS EXCLUSIVE lock, so no fix is offered; plan the change (a new jsonb column filled in batches) if the column is queried";

    private static DiagnosticResult Diagnostic(int location, string table, string column, string reason)
        => new DiagnosticResult("MIG1191", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(table, column, reason);

    private static AnalyzerTest Test(ReferenceAssemblies references, string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = references };
        EfMigrationSources.Add(test.TestState, Id, "AddPayloads", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private const string EfUp = """
                    migrationBuilder.CreateTable(
                        name: {|#9:"Events"|},
                        columns: table => new
                        {
                            Id = table.Column<long>(type: "bigint", nullable: false),
                            Payload = table.Column<string>(type: {|#0:"json"|}, nullable: false),
                            Headers = table.Column<string>(type: "jsonb", nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Events", x => x.Id));
                    migrationBuilder.AddColumn<string>(name: "Metadata", table: "Orders", type: {|#1:"json"|}, nullable: true);
                    migrationBuilder.AlterColumn<string>(name: "Settings", table: "Users", type: {|#2:"json"|}, nullable: true, oldClrType: typeof(string), oldType: "text", oldNullable: true);
                    migrationBuilder.AlterColumn<string>(name: "Profile", table: "Users", type: "json", nullable: false, oldClrType: typeof(string), oldType: "json", oldNullable: true);
                    migrationBuilder.AddColumn<string>(name: "Json", table: "Orders", type: "text", nullable: true);
        """;

    [Fact]
    public async Task Npgsql_json_columns_are_reported_new_ones_with_a_fix()
    {
        await Test(
            TestReferences.EfCoreNpgsql,
            EfUp,
            Diagnostic(9, "Events", "Payload", New).WithLocation(0),
            Diagnostic(1, "Orders", "Metadata", New),
            Diagnostic(2, "Users", "Settings", Existing)).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Other_databases_are_silent()
    {
        // MySQL's JSON is its only JSON type; SQL Server and SQLite have none of their own called json.
        await Test(TestReferences.EfCoreAllProviders, """
                        migrationBuilder.AddColumn<string>(name: "Metadata", table: "Orders", type: "json", nullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4");
            """).RunAsync(CancellationToken.None);

        var sqlServer = Test(TestReferences.EfCoreSqlServer, """
                        migrationBuilder.AddColumn<string>(name: "Metadata", table: "Orders", type: "json", nullable: true);
            """);
        sqlServer.WithEditorConfig("migration_analyzers.target_database = sqlserver\n");
        await sqlServer.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_setting_makes_the_target_PostgreSQL()
    {
        var test = Test(TestReferences.EfCore, """
                        migrationBuilder.AddColumn<string>(name: "Metadata", table: "Orders", type: {|#0:"json"|}, nullable: true);
            """,
            Diagnostic(0, "Orders", "Metadata", New));
        test.WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        await test.RunAsync(CancellationToken.None);
    }

    private const string FmUp = """
                    Create.Table("events")
                        .WithColumn("id").AsInt64().PrimaryKey().Identity()
                        .WithColumn("payload").AsCustom({|#0:"json"|}).NotNullable();
                    Alter.Table("orders").AddColumn("metadata").AsCustom({|#1:"JSON"|}).Nullable();
                    Alter.Column("settings").OnTable("users").AsCustom({|#2:"json"|}).Nullable();
                    Alter.Table("orders").AddColumn("headers").AsCustom("jsonb").Nullable();
        """;

    private const string FmDown = """
                    Delete.Table("events");
                    Delete.Column("metadata").Column("headers").FromTable("orders");
        """;

    [Fact]
    public async Task FluentMigrator_AsCustom_json_is_reported()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.TestState.Sources.Add(SchemaSafetySources.FmMigration("AddPayloads", 90, FmUp, FmDown));
        test.WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.ExpectedDiagnostics.Add(Diagnostic(0, "events", "payload", New));
        test.ExpectedDiagnostics.Add(Diagnostic(1, "orders", "metadata", New));
        test.ExpectedDiagnostics.Add(Diagnostic(2, "users", "settings", Existing));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_writes_jsonb_for_new_EF_Core_columns_only()
    {
        var test = new CodeFixTest<JsonInsteadOfJsonbAnalyzer, JsonbColumnTypeCodeFix> { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        EfMigrationSources.Add(test.TestState, Id, "AddPayloads", EfUp.Replace("{|#0:\"json\"|}", "{|#0:\"json\"|}"));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(9, "Events", "Payload", New).WithLocation(0));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(1, "Orders", "Metadata", New));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(2, "Users", "Settings", Existing));
        var fixedUp = EfUp.Replace("{|#9:\"Events\"|}", "\"Events\"").Replace("{|#0:\"json\"|}", "\"jsonb\"").Replace("{|#1:\"json\"|}", "\"jsonb\"");
        EfMigrationSources.Add(test.FixedState, Id, "AddPayloads", fixedUp);
        test.FixedState.ExpectedDiagnostics.Add(Diagnostic(2, "Users", "Settings", Existing));
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 2;
        test.CodeActionEquivalenceKey = JsonbColumnTypeCodeFix.EquivalenceKey;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_writes_jsonb_for_new_FluentMigrator_columns_only()
    {
        var test = new CodeFixTest<JsonInsteadOfJsonbAnalyzer, JsonbColumnTypeCodeFix> { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.TestState.Sources.Add(SchemaSafetySources.FmMigration("AddPayloads", 90, FmUp, FmDown));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(0, "events", "payload", New));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(1, "orders", "metadata", New));
        test.TestState.ExpectedDiagnostics.Add(Diagnostic(2, "users", "settings", Existing));
        var fixedUp = FmUp.Replace("{|#0:\"json\"|}", "\"jsonb\"").Replace("{|#1:\"JSON\"|}", "\"jsonb\"");
        test.FixedState.Sources.Add(SchemaSafetySources.FmMigration("AddPayloads", 90, fixedUp, FmDown));
        test.FixedState.ExpectedDiagnostics.Add(Diagnostic(2, "users", "settings", Existing));
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 2;
        await test.RunAsync(CancellationToken.None);
    }
}
