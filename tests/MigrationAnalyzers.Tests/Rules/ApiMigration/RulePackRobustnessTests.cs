using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Rules.Configuration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>Broken code and hostile packs never make the analyzers throw (no AD0001).</summary>
public class RulePackRobustnessTests
{
    private sealed class Text : AdditionalText
    {
        private readonly string _text;

        public Text(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
    }

    private const string HostilePack = """
        [A1]
        message = every kind at once
        match = M:System.Threading.Thread.VolatileRead(*)
        match = M:Acme.Gone.Method(*)
        match = P:System.String.Length
        match = M:System.Object.#ctor
        receiver = T:System.Object
        requires = System.Runtime
        target-framework = >= net5.0
        replacement = M:No.Such.Thing
        rewrite = when {0} is interpolated: template {receiver}.{T0}({args}, {nope})
        rewrite = when {x} is typeof T:System.String: arguments {9}, {args}
        rewrite = template ((({receiver})))

        [A5]
        message = types
        match = T:System.Text.StringBuilder
        match = T:System.ObsoleteAttribute
        rewrite = type T:System.String

        [A6]
        message = namespaces
        match = N:System.Text
        rewrite = namespace System.Collections

        [A2]
        message = a
        match = M:
        [A3
        = value
        [A4]
        message = {unbalanced
        match = T:System.String
        rewrite = template {receiver
        rewrite = attribute T:System.ObsoleteAttribute({0}, {Name}, typeof(global::System.String))
        """;

    private const string BrokenCode = """
        using System.Text;
        using System.Threading;
        class C<T> where T : new(
        {
            int _x;
            void M(StringBuilder b, object o)
            {
                var s = new StringBuilder(;
                Thread.VolatileRead(ref _x
                o.Method(1, $"{_x}");
                System.Text.StringBuilder q = new();
                var n = "".Length + typeof(StringBuilder).Name;
                new object() { };
            }
            [System.Obsolete(] void N() { }
        }
        """;

    [Fact]
    public async Task Analyzers_do_not_throw_on_broken_code_and_hostile_packs()
    {
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Broken",
            new[] { CSharpSyntaxTree.ParseText(BrokenCode, path: "/0/Broken.cs"), CSharpSyntaxTree.ParseText(string.Empty, path: "/0/Empty.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new Text("/0/Hostile.migrationpack", HostilePack), new Text("/0/MigrationRules.txt", string.Empty)));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RulePackAnalyzer(), new RulePackProblemAnalyzer(), new ObsoleteReplacementAnalyzer());

        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == "MIG2001");
        Assert.Contains(diagnostics, d => d.Id == "MIG9101");
        Assert.Contains(diagnostics, d => d.Id == "MIG9102");
    }
}
