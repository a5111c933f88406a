using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.ApiMigration;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

/// <summary>
/// Every rule of the framework-upgrade pack on the same code compiled for .NET Framework 4.8 and .NET 10: silent before
/// a move is planned, reported once the upgrade target (or the project itself) reaches the rule's version, and silent
/// again for the code as it is written after the migration.
/// </summary>
public class FrameworkUpgradePackRuleTests
{
    public static TheoryData<string, string, string> Rules => new TheoryData<string, string, string>
    {
        // ID, a member body that uses the obsolete API (marked), the same body after the migration
        { "MIG3101", "var e = System.Text.Encoding.{|#0:UTF7|};", "var e = System.Text.Encoding.UTF8;" },
        { "MIG3107", "var h = System.Security.Cryptography.HashAlgorithm.{|#0:Create|}();", "var h = System.Security.Cryptography.SHA1.Create();" },
        { "MIG3112", "var p = typeof(Probe).Assembly.{|#0:CodeBase|};", "var p = typeof(Probe).Assembly.Location;" },
        { "MIG3114", "var r = System.Net.WebRequest.{|#0:Create|}(\"https://example.com\");", "var r = new System.Net.Http.HttpClient();" },
        { "MIG3121", "var h = {|#0:new System.Security.Cryptography.MD5CryptoServiceProvider()|};", "var h = System.Security.Cryptography.MD5.Create();" },
        { "MIG3123", "var r = {|#0:new System.Security.Cryptography.RNGCryptoServiceProvider()|};", "var r = System.Security.Cryptography.RandomNumberGenerator.Create();" },
        { "MIG3141", "var k = {|#0:new System.Security.Cryptography.Rfc2898DeriveBytes(\"pw\", 16)|};", "var k = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(\"pw\", new byte[16], 1000, System.Security.Cryptography.HashAlgorithmName.SHA1, 32);" },
        { "MIG3145", "var h = System.Security.Cryptography.HashAlgorithm.{|#0:Create|}(\"SHA256\");", "var h = System.Security.Cryptography.SHA256.Create();" },
        { "MIG3104", "System.Runtime.CompilerServices.RuntimeHelpers.{|#0:PrepareConstrainedRegions|}();", "int v = 0;" },
        { "MIG3109", "var a = System.Net.AuthenticationManager.{|#0:PreAuthenticate|}(null, null);", "var c = System.Net.CredentialCache.DefaultCredentials;" },
        { "MIG3113", "var u = System.Uri.{|#0:EscapeUriString|}(\"a b\");", "var u = System.Uri.EscapeDataString(\"a b\");" },
        { "MIG3122", "var a = {|#0:new System.Security.Cryptography.RijndaelManaged()|};", "var a = System.Security.Cryptography.Aes.Create();" },
        { "MIG3139", "var p = System.Security.Authentication.SslProtocols.{|#0:Tls11|};", "var p = System.Security.Authentication.SslProtocols.Tls12;" },
        { "MIG3201", "var e = System.Text.Encoding.{|#0:Default|};", "var e = System.Text.Encoding.UTF8;" },
        { "MIG3126", "var c = {|#0:new System.Security.Cryptography.X509Certificates.X509Certificate2()|};", "var c = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(new byte[0]);" },
        { "MIG3127", "System.Security.Cryptography.X509Certificates.X509Certificate2 c = null; var k = c.PublicKey.{|#0:Key|};", "System.Security.Cryptography.X509Certificates.X509Certificate2 c = null; var k = c.PublicKey.GetRSAPublicKey();" },
        { "MIG3128", "System.Security.Cryptography.X509Certificates.X509Certificate2 c = null; var k = c.{|#0:PrivateKey|};", "System.Security.Cryptography.X509Certificates.X509Certificate2 c = null; var k = System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPrivateKey(c);" },
        { "MIG3147", "var r = {|#0:new System.Xml.XmlSecureResolver(new System.Xml.XmlUrlResolver(), \"https://example.com\")|};", "var r = System.Xml.XmlResolver.ThrowingResolver;" },
        { "MIG3150", "var o = {|#0:System.Runtime.Serialization.FormatterServices|}.GetUninitializedObject(typeof(Probe));", "var o = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(Probe));" },
        { "MIG3160", "var k = {|#0:new System.Security.Cryptography.Rfc2898DeriveBytes(\"pw\", new byte[16], 1000, System.Security.Cryptography.HashAlgorithmName.SHA256)|};", "var k = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(\"pw\", new byte[16], 1000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);" },
        { "MIG3154", "int v = 0; System.Threading.Thread.{|#0:VolatileWrite|}(ref v, 1);", "int v = 0; System.Threading.Volatile.Write(ref v, 1);" },
    };

    private static string Probe(string body) => $$"""
        #pragma warning disable CS0618, CS0219, SYSLIB0001, SYSLIB0004, SYSLIB0007, SYSLIB0009, SYSLIB0013, SYSLIB0022, SYSLIB0039, SYSLIB0012, SYSLIB0014, SYSLIB0021, SYSLIB0023, SYSLIB0041, SYSLIB0045, SYSLIB0054, SYSLIB0060
        public sealed class Probe
        {
            public void Run()
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Rule_follows_the_upgrade_target_on_net48_and_net10(string id, string before, string after)
    {
        await Run(Framework.Net48, null, Probe(before), expectedId: null);      // nothing planned yet
        await Run(Framework.Net48, "net10.0", Probe(before), id);               // moving to .NET 10
        await Run(Framework.Net100, null, Probe(before), id);                   // already on .NET 10
        await Run(Framework.Net100, null, Probe(after), expectedId: null);      // after the migration
    }

    /// <summary>Rules for APIs that .NET Framework never had: reported on .NET 8 itself, silent for the code after the migration.</summary>
    public static TheoryData<string, string, string> ModernOnlyRules => new TheoryData<string, string, string>
    {
        { "MIG3120", "var o = new System.Text.Json.JsonSerializerOptions { {|#0:IgnoreNullValues|} = true };", "var o = new System.Text.Json.JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };" },
        { "MIG3153", "var a = {|#0:new System.Security.Cryptography.AesGcm(new byte[32])|};", "var a = new System.Security.Cryptography.AesGcm(new byte[32], 16);" },
    };

    [Theory]
    [MemberData(nameof(ModernOnlyRules))]
    public async Task Rule_for_an_API_only_modern_NET_has_is_reported_on_net8_and_net10(string id, string before, string after)
    {
        await Run(Framework.Net80, null, Probe(before), id);
        await Run(Framework.Net100, null, Probe(before), id);
        await Run(Framework.Net100, null, Probe(after), expectedId: null);
    }

    [Fact]
    public Task Factory_fix_is_withheld_where_the_variable_is_declared_with_the_old_type()
    {
        const string Source = """
            #pragma warning disable SYSLIB0021
            using System.Security.Cryptography;

            public static class Hasher
            {
                public static byte[] Hash(byte[] data)
                {
                    using (SHA256Managed sha = {|MIG3121:new SHA256Managed()|})
                    {
                        return sha.ComputeHash(data);
                    }
                }
            }
            """;
        return Upgrade.FixAsync<RulePackAnalyzer, MigrationAnalyzers.CodeFixes.ApiMigration.RulePackCodeFix>(Framework.Net100, null, Source, Source);
    }

    private static Task Run(Framework framework, string? upgradeTarget, string source, string? expectedId)
    {
        var test = new CSharpAnalyzerTest<RulePackAnalyzer, DefaultVerifier> { ReferenceAssemblies = Upgrade.References(framework) };
        test.TestState.Sources.Add(("/0/Probe.cs", source));
        if (upgradeTarget is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nmigration_analyzers.upgrade_target = " + upgradeTarget + "\n"));
        }

        if (expectedId is not null)
        {
            // The message is the pack's; the ID and the exact span are what this test is about.
            test.ExpectedDiagnostics.Add(Infrastructure.Verify<RulePackAnalyzer>.Diagnostic(expectedId).WithLocation(0).WithMessage(null));
        }

        return test.RunAsync(CancellationToken.None);
    }
}
