using System;
using System.Linq;
using System.Reflection;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Packaging;

/// <summary>
/// The package ships two assemblies and no dependencies: whatever they reference must already be loaded by every
/// compiler host (csc, the IDE, dotnet format) the package supports, or the build shows CS8032 and the rules vanish.
/// </summary>
public class HostDependencyTests
{
    // Roslyn 4.8 (the .NET 8 SDK, Visual Studio 17.8) is the oldest host we support.
    private static readonly Version OldestRoslyn = new(4, 8, 0, 0);

    // Assemblies every compiler host loads before any analyzer.
    private static readonly string[] HostAssemblies =
    {
        "netstandard", "mscorlib", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp",
        "System.Collections.Immutable", "System.Reflection.Metadata", "System.Memory", "System.Runtime.CompilerServices.Unsafe",
    };

    // Code fixes run only where Workspaces and MEF are loaded (IDE, dotnet format).
    private static readonly string[] WorkspaceHostAssemblies =
    {
        "Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces", "System.Composition.AttributedModel", "MigrationAnalyzers",
    };

    [Fact]
    public void Analyzers_reference_only_what_the_compiler_provides()
        => AssertReferencesOnly(RuleInventory.AnalyzerAssembly, HostAssemblies);

    [Fact]
    public void Code_fixes_reference_only_what_the_IDE_and_dotnet_format_provide()
        => AssertReferencesOnly(RuleInventory.CodeFixAssembly, HostAssemblies.Concat(WorkspaceHostAssemblies).ToArray());

    private static void AssertReferencesOnly(Assembly assembly, string[] allowed)
    {
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            Assert.True(allowed.Contains(reference.Name), $"{assembly.GetName().Name} references {reference.Name}, which a compiler host may not have");
            if (reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                Assert.True(reference.Version <= OldestRoslyn, $"{assembly.GetName().Name} needs {reference.Name} {reference.Version}; hosts older than that cannot load it");
            }
        }
    }
}
