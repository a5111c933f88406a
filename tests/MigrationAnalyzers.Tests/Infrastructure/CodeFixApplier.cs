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
/// Runs an analyzer and applies one of its fixes in a real workspace, the way the IDE does, and returns every
/// document afterwards (added ones included). Execution tests use it to run exactly what the fix writes.
/// </summary>
public static class CodeFixApplier
{
    public static async Task<IReadOnlyDictionary<string, string>> ApplyAsync(
        DiagnosticAnalyzer analyzer,
        CodeFixProvider fix,
        string equivalenceKey,
        IReadOnlyDictionary<string, string> sources)
    {
        using var workspace = new AdhocWorkspace();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path));
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Sample",
            "Sample",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        foreach (var (path, text) in sources)
        {
            project = project.AddDocument(Path.GetFileName(path), SourceText.From(text), filePath: path).Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        var diagnostic = diagnostics.Single(d => fix.FixableDiagnosticIds.Contains(d.Id));
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;

        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var chosen = actions.Single(action => action.EquivalenceKey == equivalenceKey);
        var operation = (await chosen.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();

        var result = new Dictionary<string, string>();
        foreach (var changed in operation.ChangedSolution.Projects.Single().Documents)
        {
            result[changed.FilePath ?? changed.Name] = (await changed.GetTextAsync()).ToString();
        }

        return result;
    }
}
