using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Applies a code fix the way an IDE does (first action, post-processed: simplified and formatted) until no fixable
/// diagnostic is left, against the assemblies the test process runs with — so the fixed migrations can be executed.
/// </summary>
public static class FixApplier
{
    public static IReadOnlyList<MetadataReference> RuntimeReferences { get; } = LoadRuntimeReferences();

    public static async Task<IReadOnlyList<(string Path, string Text)>> ApplyAllAsync(
        DiagnosticAnalyzer analyzer,
        CodeFixProvider fix,
        IEnumerable<(string Path, string Text)> sources)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Shop.Data",
            "Shop.Data",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: RuntimeReferences));
        foreach (var (path, text) in sources)
        {
            project = project.AddDocument(Path.GetFileName(path), SourceText.From(text), filePath: path).Project;
        }

        var solution = project.Solution;
        for (var round = 0; round < 50; round++)
        {
            project = solution.GetProject(project.Id)!;
            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
            CodeAction? action = null;
            foreach (var diagnostic in diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
            {
                var document = solution.GetDocument(diagnostic.Location.SourceTree);
                if (document is null)
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                if (actions.Count > 0)
                {
                    action = actions[0];
                    break;
                }
            }

            if (action is null)
            {
                break;
            }

            var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            solution = operation.ChangedSolution;
        }

        var result = new List<(string, string)>();
        foreach (var document in solution.GetProject(project.Id)!.Documents)
        {
            result.Add((document.FilePath!, (await document.GetTextAsync()).ToString()));
        }

        return result;
    }

    private static IReadOnlyList<MetadataReference> LoadRuntimeReferences()
    {
        // Everything the test host runs with: the framework, EF Core and its SQLite provider, FluentMigrator.
        _ = typeof(Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions);
        _ = typeof(FluentMigrator.Migration);
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }
}
