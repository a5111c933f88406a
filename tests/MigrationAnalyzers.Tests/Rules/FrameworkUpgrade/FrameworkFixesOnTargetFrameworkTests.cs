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
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

/// <summary>
/// A framework fix must never land code that its target framework warns about. Every MIG3xxx fix is applied to code
/// compiled for net8.0 and for net10.0, and the fixed code is compiled again: a SYSLIB obsoletion warning counts as an
/// error unless its line still carries a MIG3xxx diagnostic (a use the fix left alone, and said so).
/// </summary>
public class FrameworkFixesOnTargetFrameworkTests
{
    private const string Source = """
        using System;
        using System.Diagnostics;
        using System.Security.Cryptography;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading;

        public class Legacy
        {
            private int _counter;

            public byte[] Hash(byte[] data)
            {
                using (var sha = new SHA256Managed())
                {
                    return sha.ComputeHash(data);
                }
            }

            public HashAlgorithm DefaultHash() => HashAlgorithm.Create();

            public RandomNumberGenerator Random() => new RNGCryptoServiceProvider();

            public byte[] KeyFromSalt(string password, byte[] salt)
            {
                using (var kdf = new Rfc2898DeriveBytes(password, salt))
                {
                    return kdf.GetBytes(32);
                }
            }

            public byte[] KeyWithIterations(string password, byte[] salt) => new Rfc2898DeriveBytes(password, salt, 10000).GetBytes(32);

            public byte[] KeyWithSaltSize(string password) => new Rfc2898DeriveBytes(password, 16, 10000).GetBytes(32);

            public byte[] KeyFromBytes(byte[] password, byte[] salt) => new Rfc2898DeriveBytes(password, salt, 10000).GetBytes(32);

            public int Counter => Thread.VolatileRead(ref _counter);

            public X509Certificate2 Certificate(string path, string password) => new X509Certificate2(path, password);

            public bool IsAdmin(string name) => name.StartsWith("admin");

            public void Open(string url) => Process.Start(url);
        }
        """;

    public static TheoryData<string> Frameworks => new() { "net8.0", "net10.0" };

    [Theory]
    [MemberData(nameof(Frameworks))]
    public async Task Every_framework_fix_compiles_without_obsoletion_warnings_on_its_target(string framework)
    {
        var references = framework == "net8.0" ? TestReferences.Net80 : TestReferences.Net100;
        var (fixedText, applied, remaining, compilation) = await FixEverythingAsync(references, framework);

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var stillReportedLines = remaining.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToHashSet();
        var landed = compilation.GetDiagnostics()
            .Where(d => d.Id.StartsWith("SYSLIB", StringComparison.Ordinal) && !stillReportedLines.Contains(d.Location.GetLineSpan().StartLinePosition.Line))
            .Select(d => d.ToString())
            .ToList();
        Assert.True(landed.Count == 0, "obsolete on " + framework + " after the fixes:\n" + string.Join("\n", landed) + "\n\n" + fixedText);

        // The fixes really ran (a test that fixes nothing would pass the checks above).
        Assert.Contains("MIG3121", applied);
        Assert.Contains("MIG3123", applied);
    }

    [Fact]
    public async Task Rfc2898DeriveBytes_constructors_are_fixed_for_net8_and_left_reported_for_net10()
    {
        // net8.0: the constructor with an explicit hash is the current API. net10.0 obsoletes every constructor (SYSLIB0060),
        // so the fix would trade one obsoletion for another: the diagnostic stays and says why no fix is offered.
        var (net8Text, net8Applied, _, _) = await FixEverythingAsync(TestReferences.Net80, "net8.0");
        Assert.Contains("MIG3141", net8Applied);
        Assert.Contains("new Rfc2898DeriveBytes(password, salt, 1000, HashAlgorithmName.SHA1)", net8Text);

        var (net10Text, net10Applied, net10Remaining, _) = await FixEverythingAsync(TestReferences.Net100, "net10.0");
        Assert.DoesNotContain("MIG3141", net10Applied);
        Assert.Contains("new Rfc2898DeriveBytes(password, salt)", net10Text);
        var kdf = net10Remaining.Where(d => d.Id == "MIG3141").ToList();
        Assert.Equal(4, kdf.Count);
        Assert.All(kdf, d => Assert.Contains("(no automatic fix: the code the fix writes is obsolete on net10.0)", d.GetMessage()));
    }

    private static async Task<(string Text, ISet<string> Applied, ImmutableArray<Diagnostic> Remaining, Compilation Compilation)> FixEverythingAsync(
        Microsoft.CodeAnalysis.Testing.ReferenceAssemblies references,
        string framework)
    {
        var cancellationToken = CancellationToken.None;
        var metadata = await references.ResolveAsync(LanguageNames.CSharp, cancellationToken);
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Legacy",
                "Legacy",
                LanguageNames.CSharp,
                filePath: "/src/Legacy.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: metadata))
            .AddDocument(documentId, "Legacy.cs", SourceText.From(Source), filePath: "/src/Legacy.cs")
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(Upgrade.ProjectTargetFramework(framework)), filePath: "/src/.globalconfig");

        var analyzers = RuleInventory.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id.StartsWith("MIG3", StringComparison.Ordinal) || d.Id == "MIG2001")).ToImmutableArray();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 60; round++)
        {
            var diagnostics = await FrameworkDiagnosticsAsync(solution.GetProject(projectId)!, analyzers, cancellationToken);
            var action = await FirstFixAsync(solution.GetDocument(documentId)!, diagnostics, cancellationToken);
            if (action is null)
            {
                var compilation = (await solution.GetProject(projectId)!.GetCompilationAsync(cancellationToken))!;
                return ((await solution.GetDocument(documentId)!.GetTextAsync(cancellationToken)).ToString(), applied, diagnostics, compilation);
            }

            applied.Add(action.Value.Id);
            var operations = await action.Value.Action.GetOperationsAsync(cancellationToken);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        throw new InvalidOperationException("The fixes kept finding something to fix after 60 rounds.");
    }

    private static async Task<ImmutableArray<Diagnostic>> FrameworkDiagnosticsAsync(Project project, ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return diagnostics.Where(d => d.Id.StartsWith("MIG3", StringComparison.Ordinal) && d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<(string Id, CodeAction Action)?> FirstFixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in diagnostics)
        {
            foreach (var provider in RuleInventory.CodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken));
                if (actions.Count > 0)
                {
                    return (diagnostic.Id, actions[0]);
                }
            }
        }

        return null;
    }
}
