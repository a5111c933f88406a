using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>Runs a pack against sources and checks the fix (single, and fix all in document, project and solution).</summary>
internal static class PackFix
{
    public const string PackPath = "/0/Upgrade.migrationpack";

    public static CodeFixTest<RulePackAnalyzer, RulePackCodeFix> Create(string pack, ReferenceAssemblies? references = null)
    {
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = references ?? TestReferences.Net80 };
        test.TestState.AdditionalFiles.Add((PackPath, pack));
        test.FixedState.AdditionalFiles.Add((PackPath, pack));

        // Only the pack under test: built-in packs (framework-upgrade matches SHA256Managed, for one) are tested on their own.
        test.TestState.AnalyzerConfigFiles.Add(("/.builtin-packs.globalconfig", "is_global = true\nmigration_analyzers.builtin_packs = none\n"));
        return test;
    }

    public static Task VerifyAsync(string pack, string source, string fixedSource, ReferenceAssemblies? references = null, string? library = null)
    {
        var test = Create(pack, references);
        test.TestState.Sources.Add(("/0/Code.cs", source));
        test.FixedState.Sources.Add(("/0/Code.cs", fixedSource));
        if (library is not null)
        {
            test.TestState.Sources.Add(("/0/Library.cs", library));
            test.FixedState.Sources.Add(("/0/Library.cs", library));
        }

        return test.RunAsync(CancellationToken.None);
    }
}
