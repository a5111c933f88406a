using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>
/// Code cut short or written oddly never makes MIG1020, MIG1030 or MIG1040 throw, nor the fixes that add migrations:
/// every action they offer on such code computes its edit without an exception.
/// </summary>
public class NewMigrationFixesNeverCrashTests
{
    private static string Migration(string up, string down) => $$"""
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090000_Odd")]
            public class Odd : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {{up}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {{down}}
                }
            }
        }
        """;

    public static IEnumerable<object[]> Cases() => new[]
    {
        new object[] { "migrationBuilder.AddColumn<int>(name: \"Status\", table: ; migrationBuilder.Sql(", "" },
        new object[] { "migrationBuilder.AddColumn<int>(); migrationBuilder.Sql(null); migrationBuilder.InsertData(table: null, columns: null, values: null);", "" },
        new object[] { "migrationBuilder.CreateTable(name: \"T\", columns: t => new { }); migrationBuilder.InsertData(\"T\", \"Id\", 1); migrationBuilder.Sql($\"UPDATE {x}\");", "migrationBuilder.DropTable(" },
        new object[] { "migrationBuilder.AddColumn<int>(\"Status\", \"Orders\"); migrationBuilder.Sql(\"UPDATE Orders SET Status = 1\")", "migrationBuilder.RenameColumn(name: \"New\", table: \"Orders\", newName: );" },
        new object[] { "migrationBuilder.RenameColumn(name: \"Old\", table: \"Orders\", newName: \"New\"); migrationBuilder.UpdateData(\"Orders\", \"Id\", 1, \"New\", 2);", "throw new System.NotSupportedException();" },
        new object[] { "migrationBuilder.AddColumn<string>(name: nameof(Odd), table: \"Orders\", nullable: false", "}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rules_and_fixes_never_throw(string up, string down)
    {
        var sources = new[] { (Sources.DbContextPath, Sources.DbContext), ("/0/Migrations/20240301090000_Odd.cs", Migration(up, down)) };
        await RunAsync(new SchemaAndDataInOneMigrationAnalyzer(), new SplitSchemaAndDataCodeFix(), sources);
        await RunAsync(new NotNullColumnWithoutDefaultAnalyzer(), new NotNullInThreeStepsCodeFix(), sources);
        await RunAsync(new OneStepRenameAnalyzer(), new RenameExpandStepCodeFix(), sources);
    }

    private static async Task RunAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, (string Path, string Text)[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Odd", "Odd", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: InMemoryCompiler.References()));
        foreach (var (path, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions, (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);

        foreach (var diagnostic in diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions)
            {
                await action.GetOperationsAsync(CancellationToken.None);
            }
        }
    }
}
