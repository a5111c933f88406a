using System;
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

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Applies a code fix the way an IDE does, in an <see cref="AdhocWorkspace"/> over the test process's real package
/// assemblies: run the analyzer, ask the fix for its actions, apply the first, repeat until nothing is left to fix.
/// Execution tests use it to get the fixed sources they then compile and run. With an equivalence key, the action
/// with that key is applied instead of the first (fixes that offer several shapes, such as a new file or the same file).
/// </summary>
public static class CodeFixApplier
{
    /// <summary>The sources after every diagnostic the fix can handle has been fixed, by path, and the diagnostics left.</summary>
    public static async Task<(IReadOnlyDictionary<string, string> Sources, ImmutableArray<Diagnostic> Remaining)> ApplyAsync(
        DiagnosticAnalyzer analyzer,
        CodeFixProvider fix,
        IEnumerable<(string Path, string Text)> sources,
        CancellationToken cancellationToken = default,
        string? equivalenceKey = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Fixed",
            "Fixed",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: InMemoryCompiler.References()));
        foreach (var (path, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        // The test migrations use SQLite types; the fixes under test belong to rules of a rolling deployment. Further
        // settings go in the same file, so the analyzer and the fix read them as .editorconfig gives them to both.
        var globalConfig = TestDeployment.Rolling + string.Concat((settings ?? new Dictionary<string, string>()).Select(p => p.Key + " = " + p.Value + "\n"));
        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(globalConfig), filePath: TestDeployment.GlobalConfigPath);

        // Each round fixes one diagnostic; a migration set has few, so this ends quickly. The bound guards against a fix that loops.
        for (var round = 0; round < 50; round++)
        {
            var diagnostics = await DiagnosticsAsync(solution.GetProject(projectId)!, analyzer, cancellationToken);
            var fixable = diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource).ToList();
            CodeAction? chosen = null;
            foreach (var diagnostic in fixable)
            {
                var document = solution.GetDocument(diagnostic.Location.SourceTree);
                if (document is null)
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await fix.RegisterCodeFixesAsync(context);
                chosen = actions.FirstOrDefault(action => equivalenceKey is null || action.EquivalenceKey == equivalenceKey);
                if (chosen is not null)
                {
                    break;
                }
            }

            if (chosen is null)
            {
                return (await TextsAsync(solution, projectId, cancellationToken), diagnostics);
            }

            var operations = await chosen.GetOperationsAsync(cancellationToken);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        throw new InvalidOperationException("The fix kept finding something to fix after 50 rounds.");
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, DiagnosticAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The sources do not compile:\n" + string.Join("\n", errors));
        }

        return await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, string>> TextsAsync(Solution solution, ProjectId projectId, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in solution.GetProject(projectId)!.Documents)
        {
            texts[document.FilePath!] = (await document.GetTextAsync(cancellationToken)).ToString();
        }

        return texts;
    }
}
