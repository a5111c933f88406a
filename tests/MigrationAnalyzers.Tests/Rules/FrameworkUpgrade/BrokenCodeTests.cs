using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Rules.FrameworkUpgrade;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

/// <summary>Half-typed code, as the IDE analyzes it on every keystroke: no framework-upgrade analyzer may throw (AD0001).</summary>
public class BrokenCodeTests
{
    private const string Broken = """
        using System;
        using System.Diagnostics;
        using System.Text;
        using System.Threading;
        using System.Security.Permissions;

        [assembly: SecurityPermission(]

        public delegate int Work(int x);

        public class Half
        {
            private Work _work;

            public void Run(string s)
            {
                Process.Start(
                Process.Start(s +, );
                Encoding.GetEncoding(;
                Encoding.GetEncoding(NoSuchConstant);
                var r = _work.BeginInvoke(1, null;
                _work.EndInvoke(r, );
                s.IndexOf(;
                string.Compare(s);
                new Thread(() => { }).Abort(42, 43);
                AppDomain.CreateDomain();
                new PermissionSet(;
                Delegate d = null; d.BeginInvoke(null, null);
            }

            public async void Later() => await _work.BeginInvoke(
        }

        public class Broken : Exception
        {
            protected Broken(System.Runtime.Serialization.SerializationInfo info, ) : base(info, ) { }
            public override void GetObjectData(
        }
        """;

    [Theory]
    [InlineData(typeof(CodeAccessSecurityAnalyzer))]
    [InlineData(typeof(DelegateAsyncInvocationAnalyzer))]
    [InlineData(typeof(ProcessStartNeedsShellAnalyzer))]
    [InlineData(typeof(CodePageNeedsProviderAnalyzer))]
    [InlineData(typeof(CultureSensitiveStringComparisonAnalyzer))]
    [InlineData(typeof(LegacyExceptionSerializationAnalyzer))]
    [InlineData(typeof(MigrationAnalyzers.Rules.ApiMigration.RulePackAnalyzer))]
    public async Task Analyzer_does_not_throw_on_broken_code(System.Type analyzerType)
    {
        foreach (var framework in new[] { Framework.Net48, Framework.Net100 })
        {
            var analyzer = (DiagnosticAnalyzer)System.Activator.CreateInstance(analyzerType)!;
            var compilation = await Compile(framework);
            var diagnostics = await compilation
                .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create(analyzer), new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty, new UpgradeTargetOptions("net10.0")))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        }
    }

    private static async Task<Microsoft.CodeAnalysis.Compilation> Compile(Framework framework)
    {
        var references = await Upgrade.References(framework).ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None);
        return Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Broken",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Broken) },
            references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>The same options for every file and the global config: the upgrade target only.</summary>
    private sealed class UpgradeTargetOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public UpgradeTargetOptions(string target) => _options = new Options(target);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(Microsoft.CodeAnalysis.SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(Microsoft.CodeAnalysis.AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly string _target;

            public Options(string target) => _target = target;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == Settings.SettingKeys.UpgradeTarget ? _target : null;
                return value is not null;
            }
        }
    }
}
