using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// The sample projects (samples/EfCoreSample, samples/FluentMigratorSample) compiled in memory against the same real
/// packages they reference, with every analyzer of the package run over them. A line ending in a `// MIGxxxx` comment
/// is where that diagnostic is expected; the end-to-end script reads the same comments from the real build.
/// </summary>
public sealed class SampleCorpus
{
    private static readonly Regex ExpectationComment = new(@"//\s*(MIG\d{4})\b", RegexOptions.Compiled);

    // What <ImplicitUsings>enable</ImplicitUsings> adds to a net8.0 project.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<Task<IReadOnlyList<SampleCorpus>>> Samples = new(LoadAllAsync);

    private SampleCorpus(string name, Compilation compilation, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> analyzerExceptions)
    {
        Name = name;
        Compilation = compilation;
        Diagnostics = diagnostics;
        AnalyzerExceptions = analyzerExceptions;
    }

    public string Name { get; }

    public Compilation Compilation { get; }

    /// <summary>Every analyzer diagnostic, as the compiler would report it (generated code skipped, pragmas honoured).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<Exception> AnalyzerExceptions { get; }

    public static Task<IReadOnlyList<SampleCorpus>> AllAsync() => Samples.Value;

    /// <summary>"relative/path.cs:line:ID" for every `// MIGxxxx` comment in the sample's sources.</summary>
    public IEnumerable<string> ExpectedDiagnostics()
        => Compilation.SyntaxTrees.SelectMany(tree => tree.GetText().Lines
            .SelectMany(line => ExpectationComment.Matches(line.ToString())
                .Select(match => Describe(tree.FilePath, line.LineNumber, match.Groups[1].Value))));

    public static string Describe(Diagnostic diagnostic)
        => Describe(diagnostic.Location.SourceTree?.FilePath ?? "", diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Id);

    private static string Describe(string path, int zeroBasedLine, string id)
        => $"{Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/')}:{zeroBasedLine + 1}:{id}";

    private static async Task<IReadOnlyList<SampleCorpus>> LoadAllAsync()
        => new[]
        {
            await LoadAsync("EfCoreSample", TestReferences.EfCoreSqlite),
            await LoadAsync("FluentMigratorSample", TestReferences.FluentMigrator),
        };

    private static async Task<SampleCorpus> LoadAsync(string project, ReferenceAssemblies references)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "samples", project);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(directory, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, Path.Combine(directory, "obj", "GlobalUsings.g.cs")))
            .ToList();
        var compilation = CSharpCompilation.Create(
            project,
            trees,
            await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var exceptions = new ConcurrentQueue<Exception>();
        var analyzers = RuleInventory.Analyzers.ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(RulePacksOf(directory)),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new SampleCorpus(project, compilation, diagnostics, exceptions.ToList());
    }

    /// <summary>The project's rule packs, which its csproj passes to the analyzers as AdditionalFiles.</summary>
    private static ImmutableArray<AdditionalText> RulePacksOf(string directory)
        => Directory.EnumerateFiles(directory, "*.migrationpack", SearchOption.TopDirectoryOnly)
            .Select(path => (AdditionalText)new FileText(path))
            .ToImmutableArray();

    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(Path));
    }

    private static bool IsBuildOutput(string projectDirectory, string path)
    {
        var relative = Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }
}
