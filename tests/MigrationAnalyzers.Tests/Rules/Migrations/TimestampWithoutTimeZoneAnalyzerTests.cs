using System;
using System.Threading;
using System.Threading.Tasks;
using FluentMigrator.Expressions;
using FluentMigrator.Model;
using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Processors.Postgres;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Tests.Databases;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.TimestampWithoutTimeZoneAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>MIG1192 (opt-in): a new PostgreSQL column of type timestamp without time zone.</summary>
public class TimestampWithoutTimeZoneAnalyzerTests
{
    private const string Id = "20240901090000_AddTimes";

    private static DiagnosticResult Diagnostic(int location, string table, string column, string what)
        => new DiagnosticResult("MIG1192", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(table, column, what);

    private static AnalyzerTest Test(ReferenceAssemblies references, string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = references };
        EfMigrationSources.Add(test.TestState, Id, "AddTimes", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public async Task Npgsql_explicit_timestamp_types_of_new_columns_are_reported()
    {
        await Test(
            TestReferences.EfCoreNpgsql,
            """
                        migrationBuilder.CreateTable(
                            name: {|#9:"Events"|},
                            columns: table => new
                            {
                                Id = table.Column<long>(type: "bigint", nullable: false),
                                OccurredAt = table.Column<DateTime>(type: {|#0:"timestamp without time zone"|}, nullable: false),
                                ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                                Day = table.Column<DateTime>(type: "date", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Events", x => x.Id));
                        migrationBuilder.AddColumn<DateTime>(name: "ShippedAt", table: "Orders", type: {|#1:"timestamp(3)"|}, nullable: true);
                        migrationBuilder.AddColumn<DateTime>(name: "PaidAt", table: "Orders", type: "timestamptz", nullable: true);
                        migrationBuilder.AddColumn<DateTime>(name: "CancelledAt", table: "Orders", nullable: true);
                        migrationBuilder.AlterColumn<DateTime>(name: "PlacedAt", table: "Orders", type: "timestamp without time zone", nullable: false, oldClrType: typeof(DateTime), oldType: "timestamp with time zone");
            """,
            Diagnostic(9, "Events", "OccurredAt", "timestamp without time zone").WithLocation(0),
            Diagnostic(1, "Orders", "ShippedAt", "timestamp without time zone")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Other_databases_are_silent()
    {
        await Test(TestReferences.EfCoreSqlServer, """
                        migrationBuilder.AddColumn<byte[]>(name: "Version", table: "Orders", type: "timestamp", nullable: true);
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_timestamp_and_AsDateTime_are_reported()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigratorPostgres };
        test.WithEditorConfig("migration_analyzers.target_database = postgresql\n");
        test.TestState.Sources.Add(SchemaSafetySources.FmMigration("AddTimes", 90, """
                        Create.Table("events")
                            .WithColumn("id").AsInt64().PrimaryKey().Identity()
                            .WithColumn("occurred_at").{|#0:AsDateTime()|}.NotNullable()
                            .WithColumn("received_at").AsDateTimeOffset().NotNullable();
                        Alter.Table("orders").AddColumn("shipped_at").AsCustom({|#1:"TIMESTAMP WITHOUT TIME ZONE"|}).Nullable();
                        Alter.Table("orders").AddColumn("paid_at").{|#2:AsDateTime2()|}.Nullable();
                        Alter.Table("orders").AddColumn("day").AsDate().Nullable();
            """, """
                        Delete.Table("events");
                        Delete.Column("shipped_at").Column("paid_at").Column("day").FromTable("orders");
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "events", "occurred_at", "AsDateTime(), which FluentMigrator creates as timestamp without time zone on PostgreSQL"));
        test.ExpectedDiagnostics.Add(Diagnostic(1, "orders", "shipped_at", "timestamp without time zone"));
        test.ExpectedDiagnostics.Add(Diagnostic(2, "orders", "paid_at", "AsDateTime2(), which FluentMigrator creates as timestamp without time zone on PostgreSQL"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public void FluentMigrator_writes_AsDateTime_as_timestamp_and_AsDateTimeOffset_as_timestamptz_on_PostgreSQL()
    {
        var generator = new PostgresGenerator(new PostgresQuoter(new PostgresOptions()));
        string Sql(System.Data.DbType type) => generator.Generate(new CreateColumnExpression
        {
            TableName = "orders",
            Column = new ColumnDefinition { Name = "at", Type = type, TableName = "orders", IsNullable = true },
        });

        Assert.Contains("\"at\" timestamp", Sql(System.Data.DbType.DateTime), StringComparison.Ordinal);
        Assert.DoesNotContain("timestamptz", Sql(System.Data.DbType.DateTime), StringComparison.Ordinal);
        Assert.Contains("\"at\" timestamp", Sql(System.Data.DbType.DateTime2), StringComparison.Ordinal);
        Assert.DoesNotContain("timestamptz", Sql(System.Data.DbType.DateTime2), StringComparison.Ordinal);
        Assert.Contains("\"at\" timestamptz", Sql(System.Data.DbType.DateTimeOffset), StringComparison.Ordinal);
    }

    [Fact]
    public void Npgsql_maps_DateTime_to_timestamptz_by_itself_so_only_explicit_store_types_are_reported()
    {
        using var context = ProviderSql.CreateContext(DatabaseProvider.PostgreSql, _ => { });
        var mapping = context.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(DateTime));
        Assert.Equal("timestamp with time zone", mapping?.StoreType);
    }
}
