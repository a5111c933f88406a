using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.ApiMigration;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.ApiMigration.RulePackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

/// <summary>The upgrade target is read per file, as .editorconfig sections are: a solution can move one folder at a time.</summary>
public class UpgradeTargetPerFileTests
{
    private const string Worker = """
        using System.Threading;

        public static class {0}
        {
            public static void Stop(Thread thread) => thread.Abort();
        }
        """;

    [Fact]
    public Task Only_the_folder_that_is_moving_is_reported()
    {
        var test = new CSharpAnalyzerTest<RulePackAnalyzer, DefaultVerifier> { ReferenceAssemblies = Upgrade.References(Framework.Net48) };
        test.TestState.Sources.Add(("/0/Legacy/Stopper.cs", Worker.Replace("{0}", "LegacyStopper")));
        test.TestState.Sources.Add(("/0/Core/Stopper.cs", Worker.Replace("{0}", "CoreStopper")));
        test.TestState.AnalyzerConfigFiles.Add(("/0/Core/.editorconfig", "[*.cs]\nmigration_analyzers.upgrade_target = net8.0\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Upgrade.ProjectTargetFramework("net48")));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG3002").WithSpan("/0/Core/Stopper.cs", 5, 47, 5, 61)
            .WithArguments("Thread.Abort", "throws PlatformNotSupportedException; stop the work with a CancellationToken", ".NET 8.0"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task The_framework_MSBuild_resolved_wins_over_the_referenced_core_library()
    {
        var test = new CSharpAnalyzerTest<RulePackAnalyzer, DefaultVerifier> { ReferenceAssemblies = Upgrade.References(Framework.Net48) };
        test.TestState.Sources.Add(("/0/Stopper.cs", Worker.Replace("{0}", "Stopper")));

        // TargetFrameworkIdentifier/Version are what MSBuild resolved for this build; the core library is only a fallback.
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.TargetFrameworkIdentifier = .NETCoreApp\nbuild_property.TargetFrameworkVersion = v8.0\n"));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG3002").WithSpan("/0/Stopper.cs", 5, 47, 5, 61)
            .WithArguments("Thread.Abort", "throws PlatformNotSupportedException; stop the work with a CancellationToken", ".NET 8.0"));
        return test.RunAsync(CancellationToken.None);
    }
}
