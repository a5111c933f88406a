using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>
/// The reversibility rules (and the inverse planner they run) on broken code: migrations cut short at many points
/// and with tokens deleted must never make an analyzer throw.
/// </summary>
public class ReversalRulesNeverCrashTests
{
    private const string EfHistory = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            [Migration("20240101120000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                            Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Customers", x => x.Id);
                            table.ForeignKey(name: "FK_C_C", column: x => x.Id, principalTable: "Customers", principalColumn: "Id");
                        });
                    migrationBuilder.CreateIndex(name: "IX_Customers_Name", table: "Customers", column: "Name");
                }
            }
        }
        """;

    private const string EfChange = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            [Migration("20240301090000_Change")]
            public class Change : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(name: "Name", table: "Customers", newName: "FullName");
                    migrationBuilder.DropIndex(name: "IX_Customers_Name", table: "Customers");
                    migrationBuilder.DropForeignKey(name: "FK_C_C", table: "Customers");
                    migrationBuilder.DropTable(name: "Customers");
                    migrationBuilder.AlterColumn<string>(name: "A", table: "B", nullable: true, oldClrType: typeof(int), oldNullable: false);
                    migrationBuilder.InsertData(table: "T", columns: new[] { "Id", "N" }, values: new object[,] { { 1, "a" } });
                    migrationBuilder.RenameTable(name: "T", schema: "s", newName: "U");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "X", table: "Y");
                }
            }
        }
        """;

    private const string Fluent = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(1)]
            public class Initial : Migration
            {
                public override void Up()
                {
                    Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Name").AsString(100);
                    Create.Index("IX_Users_Name").OnTable("Users").OnColumn("Name");
                }

                public override void Down() { }
            }

            [Migration(2)]
            public class Change : AutoReversingMigration
            {
                public override void Up()
                {
                    Alter.Column("Name").OnTable("Users").AsString(200);
                    IfDatabase("SQLite").Delete.Index("IX_Users_Name").OnTable("Users");
                    Rename.Table("Users").To("People");
                    Insert.IntoTable("People").Row(new { Id = 1 });
                }
            }
        }
        """;

    public static IEnumerable<object[]> Sources() => new[] { new object[] { "EfCore" }, new object[] { "FluentMigrator" } };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Cut_short_or_with_tokens_deleted_the_analyzers_never_throw(string framework)
    {
        var (history, change) = framework == "EfCore" ? (EfHistory, EfChange) : (string.Empty, Fluent);
        var variants = new List<string>();
        for (var cut = 0; cut < change.Length; cut += 23)
        {
            variants.Add(change[..cut]);
        }

        var tokens = CSharpSyntaxTree.ParseText(change).GetRoot().DescendantTokens().ToList();
        var random = new Random(1002);
        for (var i = 0; i < 60; i++)
        {
            var token = tokens[random.Next(tokens.Count)];
            variants.Add(change.Remove(token.SpanStart, token.Span.Length));
        }

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new MigrationCannotBeRolledBackAnalyzer(), new DownDoesNotUndoUpAnalyzer(), new AutoReversingMigrationCannotReverseAnalyzer());
        var references = InMemoryCompiler.References();
        foreach (var variant in variants)
        {
            var trees = new[] { history, variant }.Where(t => t.Length > 0).Select(t => CSharpSyntaxTree.ParseText(t)).ToArray();
            var compilation = CSharpCompilation.Create("Fuzz", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var failures = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => failures.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.True(failures.Count == 0, $"An analyzer threw on:\n{variant}\n\n{string.Join("\n", failures)}");
        }
    }
}
