using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>An analyzer test against EF Core and FluentMigrator reference packages; diagnostics are asserted on exact spans.</summary>
public class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.EfCoreAndFluentMigrator;
    }

    /// <summary>Adds an .editorconfig that applies to every source file.</summary>
    public AnalyzerTest<TAnalyzer> WithEditorConfig(string settings)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + settings));
        return this;
    }
}

/// <summary>A code fix test; the fixed code must compile (the testing library checks compiler errors after the fix).</summary>
public class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest()
    {
        ReferenceAssemblies = TestReferences.EfCoreAndFluentMigrator;
    }

    public CodeFixTest<TAnalyzer, TCodeFix> WithEditorConfig(string settings)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + settings));
        return this;
    }
}

public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    /// <summary>Analyzes <paramref name="sources"/> (path, text) pairs and expects exactly <paramref name="expected"/>.</summary>
    public static Task AnalyzeAsync((string Path, string Text)[] sources, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task AnalyzeAsync(string source, params DiagnosticResult[] expected)
        => AnalyzeAsync(new[] { ("/0/Test0.cs", source) }, expected);
}
