using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// What every analyzer and code fix test assumes unless it says otherwise: a rolling deployment. Most test migrations
/// use SQLite store types (TEXT, INTEGER) so that the execution tests can run them, and SQLite alone would default to a
/// single-instance deployment, where the rolling-only rules (MIG1010, MIG1040, MIG1060 …) stay silent.
/// </summary>
public static class TestDeployment
{
    public const string GlobalConfigPath = "/.deployment.globalconfig";

    public const string Rolling = "is_global = true\nmigration_analyzers.deployment = rolling\n";

    public static System.Collections.Generic.Dictionary<string, string> RollingOptions()
        => new System.Collections.Generic.Dictionary<string, string> { ["migration_analyzers.deployment"] = "rolling" };
}

/// <summary>An analyzer test against EF Core and FluentMigrator reference packages; diagnostics are asserted on exact spans.</summary>
public class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.EfCoreAndFluentMigrator;
        TestState.AnalyzerConfigFiles.Add((TestDeployment.GlobalConfigPath, TestDeployment.Rolling));
    }

    /// <summary>No deployment setting: the deployment follows the target database (single instance on SQLite).</summary>
    public AnalyzerTest<TAnalyzer> WithDefaultDeployment()
    {
        TestState.AnalyzerConfigFiles.RemoveAll(file => file.filename == TestDeployment.GlobalConfigPath);
        return this;
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
        TestState.AnalyzerConfigFiles.Add((TestDeployment.GlobalConfigPath, TestDeployment.Rolling));
    }

    /// <summary>A test that states the fixed project's config files explicitly keeps the deployment setting there too.</summary>
    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (FixedState.AnalyzerConfigFiles.Count > 0 && !FixedState.AnalyzerConfigFiles.Exists(file => file.filename == TestDeployment.GlobalConfigPath))
        {
            FixedState.AnalyzerConfigFiles.Insert(0, (TestDeployment.GlobalConfigPath, Microsoft.CodeAnalysis.Text.SourceText.From(TestDeployment.Rolling)));
        }

        return base.RunImplAsync(cancellationToken);
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
