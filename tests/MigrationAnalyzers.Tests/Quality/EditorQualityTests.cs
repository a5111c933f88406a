using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Quality;

/// <summary>
/// What users see in the editor, checked for every rule and every fix found by reflection, so a new rule is held to
/// the same bar without being listed here: messages name their subject, diagnostics sit on a small span,
/// fixes are exported and shared, support Fix All (document, project, solution) and carry equivalence keys.
/// </summary>
public class EditorQualityTests
{
    private static readonly Regex Placeholder = new(@"\{(\d+)\}", RegexOptions.Compiled);

    public static IEnumerable<object[]> DescriptorIds => RuleInventory.Descriptors.Select(d => new object[] { d.Id });

    /// <summary>One name shape for every fix, so grep finds them: <c>…CodeFix</c>, as analyzers end in <c>…Analyzer</c>.</summary>
    [Fact]
    public void Fix_providers_and_analyzers_are_named_for_what_they_are()
    {
        Assert.Empty(RuleInventory.CodeFixAssembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.Name.EndsWith("CodeFix", StringComparison.Ordinal))
            .Select(type => type.FullName!));
        Assert.Empty(RuleInventory.Analyzers.Select(analyzer => analyzer.GetType()).Where(type => !type.Name.EndsWith("Analyzer", StringComparison.Ordinal)).Select(type => type.FullName!));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Message_names_its_subject_in_quotes(string id)
    {
        var descriptor = Descriptor(id);
        var format = descriptor.MessageFormat.ToString();
        if (descriptor.CustomTags.Contains(MigrationAnalyzers.Descriptors.Descriptors.RulePackTag) || id == "MIG2001")
        {
            // The rule pack writes the whole message (each pack rule names the API it matched); the format only carries it.
            Assert.Contains("{0}", format);
            return;
        }

        if (SubjectsQuotedByTheirArgument.Contains(id))
        {
            // The argument is not a name to quote: a phrase that quotes the names it holds ("drops table 'Orders'"),
            // or the kind of thing involved ("opening a URL").
            return;
        }

        // The subject (migration, table, column, API, setting) is an argument, quoted: Migration 'AddOrders', Column 'Users.Email'.
        Assert.Matches(new Regex(@"'[^']*\{\d+\}[^']*'"), format);
    }

    /// <summary>Rules whose subject argument is not a bare name, so the format must not quote it.</summary>
    private static readonly HashSet<string> SubjectsQuotedByTheirArgument = new(StringComparer.Ordinal) { "MIG1080", "MIG3006", "MIG3007", "MIG3009" };

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Message_arguments_are_numbered_from_zero_without_gaps(string id)
    {
        var used = Placeholder.Matches(Descriptor(id).MessageFormat.ToString()).Select(m => int.Parse(m.Groups[1].Value)).Distinct().OrderBy(n => n).ToList();
        Assert.Equal(Enumerable.Range(0, used.Count), used);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Title_and_message_read_as_one_clause_and_a_description_explains_why(string id)
    {
        var descriptor = Descriptor(id);
        Assert.False(descriptor.Title.ToString().EndsWith(".", StringComparison.Ordinal), "titles do not end with a period");
        Assert.False(descriptor.MessageFormat.ToString().EndsWith(".", StringComparison.Ordinal), "messages do not end with a period");
        Assert.NotEqual(descriptor.Title.ToString(), descriptor.MessageFormat.ToString());
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), $"{id} has no description");
    }

    [Fact]
    public async Task No_rule_reports_on_a_whole_type_declaration()
    {
        foreach (var sample in await SampleCorpus.AllAsync())
        {
            foreach (var diagnostic in sample.Diagnostics.Where(d => d.Location.IsInSource))
            {
                var root = await diagnostic.Location.SourceTree!.GetRootAsync();
                var span = diagnostic.Location.SourceSpan;
                // The smallest useful span is a name or one operation call (with its chained calls); never a whole
                // type or method, which the editor would underline from top to bottom.
                var covered = root.DescendantNodes().Where(node => node is BaseTypeDeclarationSyntax or BaseMethodDeclarationSyntax && span.Contains(node.Span));
                Assert.True(!covered.Any(), $"{diagnostic.Id} covers a whole type or method declaration: {SampleCorpus.Describe(diagnostic)}");
            }
        }
    }

    [Fact]
    public async Task Reported_messages_have_every_argument_filled_in()
    {
        foreach (var sample in await SampleCorpus.AllAsync())
        {
            foreach (var diagnostic in sample.Diagnostics)
            {
                var message = diagnostic.GetMessage();
                Assert.DoesNotContain("''", message, StringComparison.Ordinal);
                Assert.DoesNotMatch(Placeholder, message);
            }
        }
    }

    [Fact]
    public void Every_code_fix_provider_is_exported_for_CSharp_and_shared()
    {
        foreach (var type in RuleInventory.CodeFixProviderTypes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null, $"{type.Name} lacks [ExportCodeFixProvider]");
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            Assert.Equal(type.Name, export.Name);
            Assert.True(type.GetCustomAttribute<SharedAttribute>() is not null, $"{type.Name} lacks [Shared]");
        }
    }

    [Fact]
    public void Every_code_fix_provider_fixes_known_rules_and_supports_fix_all_everywhere()
    {
        var ids = RuleInventory.Descriptors.Select(d => d.Id).ToHashSet();
        foreach (var provider in RuleInventory.CodeFixProviders)
        {
            var name = provider.GetType().Name;
            Assert.NotEmpty(provider.FixableDiagnosticIds);
            Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            var fixAll = provider.GetFixAllProvider();
            Assert.True(fixAll is not null, $"{name} has no FixAllProvider");
            var scopes = fixAll!.GetSupportedFixAllScopes().ToList();
            Assert.True(
                scopes.Contains(FixAllScope.Document) && scopes.Contains(FixAllScope.Project) && scopes.Contains(FixAllScope.Solution),
                $"{name} must support Fix All in document, project and solution; it supports {string.Join(", ", scopes)}");
        }
    }

    [Fact]
    public async Task Every_fix_offered_on_the_samples_has_an_equivalence_key_and_a_specific_title()
    {
        foreach (var sample in await SampleCorpus.AllAsync())
        {
            if (!sample.Diagnostics.Any(d => RuleInventory.FixableIds.Contains(d.Id)))
            {
                continue;
            }

            var (project, diagnostics) = await OpenInWorkspaceAsync(sample);
            foreach (var diagnostic in diagnostics.Where(d => RuleInventory.FixableIds.Contains(d.Id)))
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (var provider in RuleInventory.CodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        var where = $"{provider.GetType().Name} on {SampleCorpus.Describe(diagnostic)}";
                        Assert.False(string.IsNullOrWhiteSpace(action.EquivalenceKey), $"{where}: the action has no equivalence key, so Fix All cannot group it");
                        Assert.True(action.Title.Length >= 12 && !action.Title.Contains('{'), $"{where}: title '{action.Title}' does not say what the fix does");
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_code_action_the_fixes_create_has_an_equivalence_key()
    {
        // Static, so it covers fixes whose diagnostics the samples do not trip: CodeAction.Create needs its
        // equivalenceKey argument, and a CodeAction subclass must override EquivalenceKey.
        var directory = Path.Combine(RepositoryPaths.Root, "src", "MigrationAnalyzers.CodeFixes");
        foreach (var path in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            var file = Path.GetRelativePath(RepositoryPaths.Root, path);
            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Create", Expression: var target } && target.ToString() == "CodeAction")
                {
                    var arguments = call.ArgumentList.Arguments;
                    var hasKey = arguments.Count >= 3 || arguments.Any(a => a.NameColon?.Name.Identifier.Text == "equivalenceKey");
                    Assert.True(hasKey, $"{file}:{call.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: CodeAction.Create without an equivalence key");
                }
            }

            foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(t => t.BaseList?.Types.Any(b => b.Type.ToString() == "CodeAction") == true))
            {
                var overridesKey = type.Members.OfType<PropertyDeclarationSyntax>().Any(p => p.Identifier.Text == "EquivalenceKey");
                Assert.True(overridesKey, $"{file}: {type.Identifier.Text} derives from CodeAction but does not override EquivalenceKey");
            }
        }
    }

    private static DiagnosticDescriptor Descriptor(string id) => RuleInventory.Descriptors.Single(d => d.Id == id);

    /// <summary>The sample as a workspace project (what fixes run against), with the analyzers' diagnostics on its own trees.</summary>
    private static async Task<(Project Project, ImmutableArray<Diagnostic> Diagnostics)> OpenInWorkspaceAsync(SampleCorpus sample)
    {
        var workspace = new AdhocWorkspace();
        var compilation = sample.Compilation;
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            sample.Name,
            sample.Name,
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: compilation.SyntaxTrees.First().Options,
            metadataReferences: compilation.References));
        foreach (var tree in compilation.SyntaxTrees)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(tree.FilePath), await tree.GetTextAsync(), filePath: tree.FilePath);
        }

        var project = solution.GetProject(projectId)!;
        var projectCompilation = (await project.GetCompilationAsync())!;
        var diagnostics = await projectCompilation.WithAnalyzers(RuleInventory.Analyzers.ToImmutableArray()).GetAnalyzerDiagnosticsAsync();
        return (project, diagnostics);
    }
}
