using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>Half-typed migrations must never make an analyzer throw (AD0001): they are what the IDE sees most.</summary>
public class SafetyAnalyzersOnBrokenCodeTests
{
    private const string Broken = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            [Migration(Ids.Missing)]
            public partial class Broken : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: , table: 42, column: null).Annotation("Npgsql:CreatedConcurrently");
                    migrationBuilder.DropIndex();
                    migrationBuilder.Sql(sql: Unknown.Value + "DROP TABLE \"", suppressTransaction: maybe);
                    migrationBuilder.Sql($"DELETE FROM {missing} WHERE {");
                    migrationBuilder.Sql("ALTER TABLE ADD CONSTRAINT");
                    migrationBuilder.AddForeignKey(table: null);
                    migrationBuilder.AddColumn<Guid>(name: "Id", table: "T", defaultValueSql: 5, computedColumnSql: , stored: );
                    migrationBuilder.AddPrimaryKey(
                    var x = typeof(Missing) + Shop.Nothing.Value;
                }
            }
        }
        """;

    private static async Task RunAsync<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new Infrastructure.AnalyzerTest<TAnalyzer>
        {
            ReferenceAssemblies = TestReferences.EfCoreNpgsql.AddPackages(System.Collections.Immutable.ImmutableArray.Create(
                new PackageIdentity("FluentMigrator", TestReferences.FluentMigratorVersion),
                new PackageIdentity("FluentMigrator.Extensions.Postgres", TestReferences.FluentMigratorVersion))),
        };
        test.TestState.Sources.Add(("/0/Migrations/Broken.cs", Broken));
        test.TestState.Sources.Add(("/0/Migrations/BrokenFm.cs", """
            using FluentMigrator;
            [Migration(1, TransactionBehavior.)]
            public class BrokenFm : Migration
            {
                public override void Up() { Execute.Sql(); Create.Index().OnTable(; Delete.Index(null).OnTable("T"); }
                public override void Down() { }
            }
            """));
        test.CompilerDiagnostics = CompilerDiagnostics.None;

        // What the rules say about half-typed code does not matter here; an exception (AD0001) would still be reported.
        foreach (var descriptor in new TAnalyzer().SupportedDiagnostics)
        {
            test.DisabledDiagnostics.Add(descriptor.Id);
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task BlockingIndexChange() => RunAsync<BlockingIndexChangeAnalyzer>();

    [Fact]
    public Task MigrationOutsideTransaction() => RunAsync<MigrationOutsideTransactionAnalyzer>();

    [Fact]
    public Task DestructiveRawSql() => RunAsync<DestructiveRawSqlAnalyzer>();

    [Fact]
    public Task MigrationIdentity() => RunAsync<MigrationIdentityAnalyzer>();

    [Fact]
    public Task MigrationDependsOnApplicationCode() => RunAsync<MigrationDependsOnApplicationCodeAnalyzer>();

    [Fact]
    public Task ConstraintValidatedAtOnce() => RunAsync<ConstraintValidatedAtOnceAnalyzer>();

    [Fact]
    public Task UniqueConstraintWithoutIndex() => RunAsync<UniqueConstraintWithoutIndexAnalyzer>();

    [Fact]
    public Task DefaultRewritesTable() => RunAsync<DefaultRewritesTableAnalyzer>();

    [Fact]
    public Task ConcurrentIndexInTransaction() => RunAsync<ConcurrentIndexInTransactionAnalyzer>();
}
