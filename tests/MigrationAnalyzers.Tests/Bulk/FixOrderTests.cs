using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Bulk;

/// <summary>
/// Bulk fixing gives the same result in whatever order the host runs the rules. <c>dotnet format</c> runs one rule's
/// Fix All after another in the order of a string hash set, which changes from run to run, so a test that runs it a few
/// times may never meet the order that breaks. Here every permutation of the rules is run, as <c>dotnet format</c> would
/// call them (a Fix All in solution scope each, the fixers of a rule in the assembly's order, which is fixed).
/// </summary>
public class FixOrderTests
{
    private const string Settings = TestDeployment.Rolling + "migration_analyzers.target_database = postgresql\n";

    private const string CreateCustomers = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            [Migration("20240105090000_CreateCustomers")]
            public partial class CreateCustomers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Email = table.Column<string>(type: "text", nullable: false),
                            Status = table.Column<int>(type: "integer", nullable: true)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Customers", x => x.Id);
                        });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Customers");
                }
            }
        }
        """;

    /// <summary>MIG1040 (a column renamed in one step) and MIG1020 (an UPDATE after it): both fixes write migrations right after this one.</summary>
    private const string RenameAndBackfill = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            [Migration("20240210100000_RenameEmail")]
            public partial class RenameEmail : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Email",
                        table: "Customers",
                        newName: "EmailAddress");

                    migrationBuilder.Sql("UPDATE \"Customers\" SET \"Status\" = 0 WHERE \"Status\" IS NULL");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "EmailAddress",
                        table: "Customers",
                        newName: "Email");
                }
            }
        }
        """;

    /// <summary>MIG1030 (a NOT NULL column without a default: two fixers, a default or three steps) and MIG1020 in one migration.</summary>
    private const string TierAndBackfill = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            [Migration("20240301100000_AddTier")]
            public partial class AddTier : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Tier",
                        table: "Customers",
                        type: "integer",
                        nullable: false);

                    migrationBuilder.Sql("UPDATE \"Customers\" SET \"Status\" = 1 WHERE \"Status\" IS NULL");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Tier", table: "Customers");
                }
            }
        }
        """;

    private static readonly string[] Rules = { "MIG1020", "MIG1030", "MIG1040" };

    [Fact]
    public async Task A_rename_and_a_data_change_in_one_migration_give_the_same_result_in_every_order()
    {
        var results = await AllOrdersAsync(("Migrations/20240105090000_CreateCustomers.cs", CreateCustomers), ("Migrations/20240210100000_RenameEmail.cs", RenameAndBackfill));
        var (text, _) = Assert.Single(results.Values.Distinct());

        // The rename's expand step wins (MIG1040 comes before MIG1020); the split finds its migrations there and is withheld.
        Assert.Contains("class RenameEmailSync", text, StringComparison.Ordinal);
        Assert.DoesNotContain("class RenameEmailData", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_not_null_column_and_a_data_change_in_one_migration_give_the_same_result_in_every_order()
    {
        var results = await AllOrdersAsync(("Migrations/20240105090000_CreateCustomers.cs", CreateCustomers), ("Migrations/20240301100000_AddTier.cs", TierAndBackfill));
        var (text, remaining) = Assert.Single(results.Values.Distinct());

        // The default fixer comes before the three steps in the assembly, and the default stays inside the migration,
        // so the split still has room.
        Assert.Contains("defaultValue: 0", text, StringComparison.Ordinal);
        Assert.Contains("class AddTierData", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MIG1030", remaining, StringComparison.Ordinal);
    }

    /// <summary>The texts after bulk fixing, and the rules still reported, for every order of the rules.</summary>
    private static async Task<Dictionary<string, (string Text, string Remaining)>> AllOrdersAsync(params (string Path, string Text)[] sources)
    {
        // The fixers of a rule in the order dotnet format takes them: the order of the types in the assembly.
        var fixers = typeof(SplitSchemaAndDataCodeFix).Assembly.GetTypes()
            .Where(type => type == typeof(SplitSchemaAndDataCodeFix) || type == typeof(AddDefaultValueCodeFix) || type == typeof(NotNullInThreeStepsCodeFix) || type == typeof(RenameExpandStepCodeFix))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToList();
        var results = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var ruleOrder in Permutations(Rules))
        {
            var solution = Create(sources, out var projectId);
            foreach (var rule in ruleOrder)
            {
                foreach (var fixer in fixers.Where(fixer => fixer.FixableDiagnosticIds.Contains(rule)))
                {
                    solution = await FixAllAsync(solution, projectId, fixer, rule);
                }
            }

            results[string.Join(",", ruleOrder)] = (await TextAsync(solution.GetProject(projectId)!), await RemainingAsync(solution.GetProject(projectId)!));
        }

        var distinct = results.GroupBy(pair => pair.Value).ToList();
        Assert.True(distinct.Count == 1, "bulk fixing depends on the order:\n" + string.Join("\n", distinct.Select(group => string.Join("; ", group.Select(pair => pair.Key)) + ":\n" + group.Key.Item2 + "\n" + group.Key.Item1)));
        return results;
    }

    private static async Task<Solution> FixAllAsync(Solution solution, ProjectId projectId, CodeFixProvider fixer, string rule)
    {
        var project = solution.GetProject(projectId)!;
        var context = new FixAllContext(project.Documents.First(), fixer, FixAllScope.Solution, null, new[] { rule }, new NoDiagnostics(), CancellationToken.None);
        if (await fixer.GetFixAllProvider()!.GetFixAsync(context) is not { } action)
        {
            return solution;
        }

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().LastOrDefault()?.ChangedSolution ?? solution;
    }

    private static Solution Create((string Path, string Text)[] sources, out ProjectId projectId)
    {
        var workspace = new AdhocWorkspace();
        projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Shop",
            "Shop",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: InMemoryCompiler.References()));
        foreach (var (path, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: "/" + path);
        }

        return solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(Settings), filePath: TestDeployment.GlobalConfigPath);
    }

    private static async Task<string> TextAsync(Project project)
    {
        var texts = new List<string>();
        foreach (var document in project.Documents.OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal))
        {
            texts.Add("=== " + (document.FilePath ?? document.Name) + "\n" + (await document.GetTextAsync()).ToString());
        }

        return string.Join("\n", texts);
    }

    /// <summary>The MIG diagnostics of the fixed project, by rule and message.</summary>
    private static async Task<string> RemainingAsync(Project project)
    {
        var analyzers = typeof(MigrationAnalyzers.Infrastructure.MigrationAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return string.Join("\n", diagnostics.Where(d => Rules.Contains(d.Id)).Select(d => d.Id + ": " + d.GetMessage()).OrderBy(line => line, StringComparer.Ordinal));
    }

    private static IEnumerable<IReadOnlyList<string>> Permutations(IReadOnlyList<string> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        foreach (var first in items)
        {
            foreach (var rest in Permutations(items.Where(item => item != first).ToList()))
            {
                yield return new[] { first }.Concat(rest).ToList();
            }
        }
    }

    /// <summary>The package's Fix All computes the current diagnostics itself; the ones a host would hand over are not needed.</summary>
    private sealed class NoDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
