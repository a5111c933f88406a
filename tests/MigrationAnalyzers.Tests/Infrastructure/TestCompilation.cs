using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>A compilation of test sources against real reference packages, for tests of the model itself.</summary>
public static class TestCompilation
{
    public static async Task<CSharpCompilation> CreateAsync(ReferenceAssemblies references, params (string Path, string Text)[] sources)
    {
        var metadata = await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, new CSharpParseOptions(LanguageVersion.Latest), source.Path));
        return CSharpCompilation.Create(
            "TestProject",
            trees,
            metadata,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static Task<CSharpCompilation> CreateAsync(params string[] sources)
        => CreateAsync(TestReferences.EfCoreAndFluentMigrator, sources.Select((text, index) => ($"/0/Test{index}.cs", text)).ToArray());

    /// <summary>The benchmark's generated corpus of <paramref name="migrations"/> migrations, checked to compile without errors.</summary>
    public static async Task<CSharpCompilation> OfCorpusAsync(int migrations)
    {
        var files = Corpus.CorpusGenerator.Generate(migrations);
        var compilation = await CreateAsync(TestReferences.EfCoreAndFluentMigrator, files.Select(f => ("/0/" + f.Path, f.Text)).ToArray());
        Xunit.Assert.Empty(Errors(compilation));
        return compilation;
    }

    public static ImmutableArray<Diagnostic> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
}
