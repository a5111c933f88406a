using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>
/// Every code fix of the package (found by reflection) on every diagnostic it claims in our sources: its output compiles
/// as well as the input did, adds no MIG diagnostic, applying it again changes nothing, FixAll in every scope gives the
/// whole text of fixing one by one; every provider is reached by at least one input; and on edited, broken sources
/// it never throws.
/// </summary>
public class CodeFixesTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public CodeFixesTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Known gaps (provider type name → why), printed instead of failing; each is to be fixed by the rule's owner and
    /// then removed from here. Empty: every FixAll gives the text of fixing one by one.
    /// </summary>
    private static readonly System.Collections.Generic.Dictionary<string, string> KnownFixAllDifferences = new()
    {
    };

    /// <summary>
    /// Fixes that leave a diagnostic of another rule behind on purpose, on one target database: (provider, MIG ID,
    /// database) → the rule page and its statement that says so. Any other new MIG diagnostic, or the same one on
    /// another database, fails.
    /// </summary>
    private static readonly System.Collections.Generic.Dictionary<(string Provider, string Id, DatabaseProvider Target), string> AllowedNewDiagnostics = new()
    {
        // SQL Server has no way to make a column NOT NULL without checking every row under a schema-modification lock:
        // the three-step fix's last step is that change, and MIG1050 says so on it.
        [(nameof(MigrationAnalyzers.CodeFixes.Migrations.NotNullInThreeStepsCodeFix), "MIG1050", DatabaseProvider.SqlServer)] =
            "rules/MIG1030.md, The code fix for the recipe: \"On SQL Server the last step is still reported by MIG1050\"",

        // Raw SQL in Up keeps MIG1002 from judging Down; once the split moves it out, a Down that never undid the schema
        // part is reported. The gap was there before; on every database alike.
        [(nameof(MigrationAnalyzers.CodeFixes.Migrations.SplitSchemaAndDataCodeFix), "MIG1002", DatabaseProvider.Unknown)] = SplitReveals,
        [(nameof(MigrationAnalyzers.CodeFixes.Migrations.SplitSchemaAndDataCodeFix), "MIG1002", DatabaseProvider.PostgreSql)] = SplitReveals,
        [(nameof(MigrationAnalyzers.CodeFixes.Migrations.SplitSchemaAndDataCodeFix), "MIG1002", DatabaseProvider.SqlServer)] = SplitReveals,
        [(nameof(MigrationAnalyzers.CodeFixes.Migrations.SplitSchemaAndDataCodeFix), "MIG1002", DatabaseProvider.Sqlite)] = SplitReveals,
        [(nameof(MigrationAnalyzers.CodeFixes.Migrations.SplitSchemaAndDataCodeFix), "MIG1002", DatabaseProvider.MySql)] = SplitReveals,
    };

    private const string SplitReveals = "rules/MIG1020.md, After (the code fix): \"What it can reveal\"";

    [Fact]
    public void Every_code_fix_bulk_fixes_one_by_one_with_the_shared_Fix_All()
    {
        Assert.All(CodeFixHarness.CodeFixes, fix => Assert.IsType<MigrationAnalyzers.CodeFixes.Infrastructure.OneByOneFixAllProvider>(fix.GetFixAllProvider()));
    }

    [Fact]
    public void Every_code_fix_is_discovered_with_its_export_attribute()
    {
        var exported = ExtensionDiscovery.CodeFixAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .ToList();
        Assert.Equal(exported.Count, CodeFixHarness.CodeFixes.Length);
        Assert.All(CodeFixHarness.CodeFixes, fix => Assert.NotEmpty(fix.FixableDiagnosticIds));
    }

    [Fact]
    public async Task Fixes_on_intact_sources_compile_are_idempotent_and_FixAll_matches_one_by_one()
    {
        var harness = new CodeFixHarness(await AnalyzerHarness.ReferencesAsync(TestReferences.EfCoreAndFluentMigrator), KnownFixAllDifferences, AllowedNewDiagnostics);

        // Units of a few files: each fix is checked by analyzing its project again, so the whole corpus project would be slow
        // and adds nothing the migrations taken one by one do not cover.
        var units = FuzzSources.CorpusMigrations(20).Concat(FuzzSources.RealisticSources()).Concat(FuzzSources.RepeatedFindings()).Concat(FuzzSources.TestLiterals(40)).Concat(FixGateInputs.All());
        foreach (var unit in units)
        {
            await harness.RunAsync(unit.Name, unit, checkResults: true);
        }

        _output.WriteLine($"{CodeFixHarness.CodeFixes.Length} code fixes; {harness.FixesChecked} fixes applied and checked; {harness.FixAllGroupsChecked} FixAll groups compared");
        foreach (var issue in harness.KnownIssues)
        {
            _output.WriteLine("known issue: " + issue);
        }

        _output.WriteLine("reached: " + string.Join(", ", harness.Reached));
        var notReached = CodeFixHarness.CodeFixes.Select(fix => fix.GetType().Name).Where(name => !harness.Reached.Contains(name)).OrderBy(name => name, System.StringComparer.Ordinal).ToList();
        Assert.True(notReached.Count == 0 && harness.Failures.Count == 0,
            (notReached.Count == 0 ? string.Empty : "the gate offered no input on which these fixes are offered (add one to FixGateInputs): " + string.Join(", ", notReached) + "\n\n")
            + $"{harness.Failures.Count} problems in {harness.FixesChecked} fixes:\n\n" + string.Join("\n\n", harness.Failures.Take(10)));
    }

    [Fact]
    public async Task Fixes_never_throw_on_edited_sources()
    {
        var harness = new CodeFixHarness(await AnalyzerHarness.ReferencesAsync(TestReferences.EfCoreAndFluentMigrator));
        var mutator = new SourceMutator(FuzzSources.Seed + 5);
        var units = FuzzSources.CorpusMigrations(12).Concat(FuzzSources.RepeatedFindings()).Concat(FuzzSources.TestLiterals(20)).SelectMany(u => mutator.Mutate(u, 3));
        foreach (var (edit, unit) in units)
        {
            await harness.RunAsync($"{unit.Name}, {edit}", unit, checkResults: false);
        }

        Assert.True(harness.Failures.Count == 0, $"{harness.Failures.Count} failures:\n\n" + string.Join("\n\n", harness.Failures.Take(10)));
    }
}
