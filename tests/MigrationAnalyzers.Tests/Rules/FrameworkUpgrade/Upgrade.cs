using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

/// <summary>The frameworks a framework-upgrade test compiles the same code against.</summary>
public enum Framework
{
    Net48,
    Net80,
    Net100,
}

/// <summary>
/// Runs one framework-upgrade rule on one source file compiled against real reference assemblies of
/// <see cref="Framework"/>, optionally with <c>migration_analyzers.upgrade_target</c> or a project TargetFramework.
/// </summary>
public static class Upgrade
{
    public static ReferenceAssemblies References(Framework framework) => framework switch
    {
        Framework.Net48 => TestReferences.Net48,
        Framework.Net80 => TestReferences.Net80,
        _ => TestReferences.Net100,
    };

    /// <summary>What the package's build props hand to the analyzers: a global config with the project's TargetFramework.</summary>
    public static string ProjectTargetFramework(string moniker) => "is_global = true\nbuild_property.TargetFramework = " + moniker + "\n";

    public static Task AnalyzeAsync<TAnalyzer>(Framework framework, string? upgradeTarget, string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => AnalyzeAsync<TAnalyzer>(framework, upgradeTarget, projectTargetFramework: null, source, expected);

    public static Task AnalyzeAsync<TAnalyzer>(Framework framework, string? upgradeTarget, string? projectTargetFramework, string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = References(framework) };
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        Configure(test.TestState, upgradeTarget, projectTargetFramework);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A fix test on <paramref name="framework"/>: the fixed code must compile there (the library checks it).</summary>
    public static Task FixAsync<TAnalyzer, TFix>(Framework framework, string? upgradeTarget, string source, string fixedSource, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
        => FixAsync<TAnalyzer, TFix>(framework, upgradeTarget, source, fixedSource, expected, remaining: null);

    /// <summary>A fix test where <paramref name="remaining"/> diagnostics stay after the fix (the fix was not offered for them).</summary>
    public static Task FixAsync<TAnalyzer, TFix>(Framework framework, string? upgradeTarget, string source, string fixedSource, DiagnosticResult[] expected, DiagnosticResult[]? remaining)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = CreateFix<TAnalyzer, TFix>(framework, upgradeTarget, source, fixedSource);
        test.ExpectedDiagnostics.AddRange(expected);
        if (remaining is not null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        }

        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The fix test before it runs, for tests that need more settings (fix-all iterations, remaining diagnostics).</summary>
    public static CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> CreateFix<TAnalyzer, TFix>(Framework framework, string? upgradeTarget, string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = References(framework),
            TestCode = source,
            FixedCode = fixedSource,
        };

        // The fixed state inherits the configuration files (auto-inheritance), and with them the same upgrade target.
        Configure(test.TestState, upgradeTarget, projectTargetFramework: null);
        return test;
    }

    private static void Configure(SolutionState state, string? upgradeTarget, string? projectTargetFramework)
    {
        if (upgradeTarget is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nmigration_analyzers.upgrade_target = " + upgradeTarget + "\n"));
        }

        if (projectTargetFramework is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", ProjectTargetFramework(projectTargetFramework)));
        }
    }
}
