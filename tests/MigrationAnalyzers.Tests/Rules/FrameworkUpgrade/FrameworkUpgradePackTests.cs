using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.RulePacks;
using MigrationAnalyzers.Rules.ApiMigration;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.ApiMigration.RulePackAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

/// <summary>The built-in "framework-upgrade" pack (MIG31NN = SYSLIB00NN) on real .NET Framework 4.8 and .NET 8/10 reference assemblies.</summary>
public class FrameworkUpgradePackTests
{
    private const string Hashing = """
        using System.Security.Cryptography;
        using System.Text;

        namespace Shop.Security
        {
            public static class Fingerprint
            {
                public static byte[] Of(string text)
                {
                    using (var sha = new SHA256Managed())
                    {
                        return sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                    }
                }

                public static byte[] Key(string password, byte[] salt)
                {
                    using (var kdf = new Rfc2898DeriveBytes(password, salt))
                    {
                        return kdf.GetBytes(32);
                    }
                }
            }
        }
        """;

    private const string Sha256Message = "SHA256Managed is obsolete from .NET 6 (SYSLIB0021)";
    private const string KdfNoFixOnNet10 = " (no automatic fix: the code the fix writes is obsolete on net10.0)";
    private const string KdfMessage = "This Rfc2898DeriveBytes constructor is obsolete from .NET 7 (SYSLIB0041): it uses SHA-1 and 1000 iterations implicitly. The fix writes the defaults out, so existing keys and hashes stay the same; new data deserves SHA-256 and far more iterations.";

    [Fact]
    public void The_pack_reads_without_problems_and_every_rule_reports_under_its_own_ID_and_severity()
    {
        var pack = BuiltInPacks.All.Single(p => p.Name == "framework-upgrade");
        Assert.Empty(pack.Problems.Select(problem => problem.Message));
        Assert.All(pack.Rules, rule =>
        {
            var descriptor = PackDescriptors.For(rule, isBuiltIn: true);
            Assert.NotEqual("MIG2001", descriptor.Id);
            Assert.StartsWith(descriptor.Id, rule.Id, System.StringComparison.Ordinal);
            Assert.Equal(descriptor.DefaultSeverity, rule.Severity);
            Assert.NotNull(rule.TargetFramework);
        });
    }

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, null, Hashing);

    [Fact]
    public Task Net48_moving_to_netcoreapp31_is_silent_because_the_obsoletions_came_later()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "netcoreapp3.1", Hashing);

    [Fact]
    public Task Net48_moving_to_net6_reports_SYSLIB0021_but_not_SYSLIB0041_which_came_with_NET_7()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net6.0", Hashing,
            Verifier.Diagnostic("MIG3121").WithSpan(10, 30, 10, 49).WithArguments(Sha256Message));

    [Fact]
    public Task Net48_moving_to_net10_reports_both()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net10.0", Hashing,
            Verifier.Diagnostic("MIG3121").WithSpan(10, 30, 10, 49).WithArguments(Sha256Message),
            Verifier.Diagnostic("MIG3141").WithSpan(18, 30, 18, 68).WithArguments(KdfMessage + KdfNoFixOnNet10));

    [Fact]
    public Task Net8_project_is_reported_from_its_own_framework()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net80, null, Hashing,
            Verifier.Diagnostic("MIG3121").WithSpan(10, 30, 10, 49).WithArguments(Sha256Message),
            Verifier.Diagnostic("MIG3141").WithSpan(18, 30, 18, 68).WithArguments(KdfMessage));

    [Fact]
    public Task Fixes_compile_on_net10_and_leave_the_key_derivation_reported_there()
    {
        // .NET 10 obsoletes every Rfc2898DeriveBytes constructor (SYSLIB0060), the one MIG3141's fix writes as well:
        // there the diagnostic stays and no fix is offered (FrameworkFixesOnTargetFrameworkTests shows the net8.0 fix).
        var test = Upgrade.CreateFix<RulePackAnalyzer, RulePackCodeFix>(Framework.Net100, null,
            Hashing.Replace("new SHA256Managed()", "{|MIG3121:new SHA256Managed()|}").Replace("new Rfc2898DeriveBytes(password, salt)", "{|#0:new Rfc2898DeriveBytes(password, salt)|}"),
            """
            using System.Security.Cryptography;
            using System.Text;

            namespace Shop.Security
            {
                public static class Fingerprint
                {
                    public static byte[] Of(string text)
                    {
                        using (var sha = SHA256.Create())
                        {
                            return sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                        }
                    }

                    public static byte[] Key(string password, byte[] salt)
                    {
                        using (var kdf = {|#0:new Rfc2898DeriveBytes(password, salt)|})
                        {
                            return kdf.GetBytes(32);
                        }
                    }
                }
            }
            """);

        var kdf = Verifier.Diagnostic("MIG3141").WithLocation(0).WithArguments(KdfMessage + KdfNoFixOnNet10);
        test.TestState.ExpectedDiagnostics.Add(kdf);
        test.FixedState.ExpectedDiagnostics.Add(kdf);
        return test.RunAsync();
    }

    [Fact]
    public Task Fixes_also_compile_on_net48_before_the_move()
    {
        var test = Upgrade.CreateFix<RulePackAnalyzer, RulePackCodeFix>(Framework.Net48, "net10.0", """
            using System.Security.Cryptography;
            using System.Threading;

            public sealed class Counter
            {
                private int _value;

                public int Read() => Thread.VolatileRead(ref _value);

                public void Reset() => Thread.VolatileWrite(ref _value, 0);

                public static byte[] Md5(byte[] data)
                {
                    var hash = HashAlgorithm.Create();
                    return hash.ComputeHash(data);
                }
            }
            """, """
            using System.Security.Cryptography;
            using System.Threading;

            public sealed class Counter
            {
                private int _value;

                public int Read() => Volatile.Read(ref _value);

                public void Reset() => Volatile.Write(ref _value, 0);

                public static byte[] Md5(byte[] data)
                {
                    var hash = SHA1.Create();
                    return hash.ComputeHash(data);
                }
            }
            """);

        test.ExpectedDiagnostics.AddRange(new[]
        {
            Verifier.Diagnostic("MIG3154").WithSpan(8, 33, 8, 45).WithArguments("Thread.VolatileRead is obsolete from .NET 9 (SYSLIB0054)"),
            Verifier.Diagnostic("MIG3154").WithSpan(10, 35, 10, 48).WithArguments("Thread.VolatileWrite is obsolete from .NET 9 (SYSLIB0054)"),
            Verifier.Diagnostic("MIG3107").WithSpan(14, 34, 14, 40).WithArguments(
                "HashAlgorithm.Create() throws PlatformNotSupportedException on .NET Core and .NET 5+ (SYSLIB0007). .NET Framework's default hash algorithm was SHA-1, so SHA1.Create() keeps the results; choose SHA256 for new data."),
        });

        // Fix all works per pack rule: up to one round per rule.
        test.NumberOfFixAllIterations = -3;
        test.NumberOfFixAllInDocumentIterations = -3;
        test.NumberOfFixAllInProjectIterations = -3;
        return test.RunAsync();
    }

    [Fact]
    public Task Fixes_compile_on_net10_for_volatile_access_random_numbers_and_default_hashes()
    {
        var test = Upgrade.CreateFix<RulePackAnalyzer, RulePackCodeFix>(Framework.Net100, null, """
            using System.Security.Cryptography;
            using System.Threading;

            public sealed class Tokens
            {
                private long _issued;

                public long Issued => Thread.{|MIG3154:VolatileRead|}(ref _issued);

                public byte[] Next()
                {
                    var token = new byte[32];
                    using (var rng = {|MIG3123:new RNGCryptoServiceProvider()|})
                    {
                        rng.GetBytes(token);
                    }

                    using (var hash = HashAlgorithm.{|MIG3107:Create|}())
                    {
                        return hash.ComputeHash(token);
                    }
                }
            }
            """, """
            using System.Security.Cryptography;
            using System.Threading;

            public sealed class Tokens
            {
                private long _issued;

                public long Issued => Volatile.Read(ref _issued);

                public byte[] Next()
                {
                    var token = new byte[32];
                    using (var rng = RandomNumberGenerator.Create())
                    {
                        rng.GetBytes(token);
                    }

                    using (var hash = SHA1.Create())
                    {
                        return hash.ComputeHash(token);
                    }
                }
            }
            """);
        test.NumberOfFixAllIterations = -3;
        test.NumberOfFixAllInDocumentIterations = -3;
        test.NumberOfFixAllInProjectIterations = -3;
        return test.RunAsync();
    }

    [Fact]
    public Task VolatileRead_is_silent_when_moving_to_net8_because_SYSLIB0054_came_with_NET_9()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net8.0", """
            using System.Threading;

            public sealed class Counter
            {
                private int _value;

                public int Read() => Thread.VolatileRead(ref _value);
            }
            """);

    [Fact]
    public Task X509_password_constructor_becomes_the_PKCS12_loader_on_net10()
        => Upgrade.FixAsync<RulePackAnalyzer, RulePackCodeFix>(Framework.Net100, null, """
            using System.Security.Cryptography.X509Certificates;

            public static class Certificates
            {
                public static X509Certificate2 Signing(string path, string password) => new X509Certificate2(path, password);

                public static X509Certificate2 Public(string path) => new X509Certificate2(path);
            }
            """, """
            using System.Security.Cryptography.X509Certificates;

            public static class Certificates
            {
                public static X509Certificate2 Signing(string path, string password) => X509CertificateLoader.LoadPkcs12FromFile(path, password);

                public static X509Certificate2 Public(string path) => new X509Certificate2(path);
            }
            """,
            new[]
            {
                Verifier.Diagnostic("MIG3157").WithSpan(5, 77, 5, 113).WithArguments(Pkcs12Message),
                Verifier.Diagnostic("MIG3157").WithSpan(7, 59, 7, 85).WithArguments(FileMessage),
            },
            remaining: new[] { Verifier.Diagnostic("MIG3157").WithSpan(7, 59, 7, 85).WithArguments(FileMessage) });

    private const string Pkcs12Message = "This X509Certificate2 constructor is obsolete from .NET 9 (SYSLIB0057). A password means a PKCS#12 (.pfx) file; the loader applies safe limits to it by default.";
    private const string FileMessage = "X509Certificate2(string) is obsolete from .NET 9 (SYSLIB0057): it guesses whether the file is a certificate or a PKCS#12 bundle. Use X509CertificateLoader.LoadCertificateFromFile for a .cer/.crt/.pem certificate or LoadPkcs12FromFile for a .pfx; the constructor accepted both, so only you know which.";

    [Fact]
    public Task Web_and_reflection_obsoletions_are_flagged_with_guidance()
        => Upgrade.AnalyzeAsync<RulePackAnalyzer>(Framework.Net48, "net8.0", """
            using System.IO;
            using System.Net;
            using System.Reflection;

            public static class Updater
            {
                public static string Latest()
                {
                    using (var client = new WebClient())
                    {
                        return client.DownloadString("https://updates.example.com/latest");
                    }
                }

                public static string InstallFolder() => Path.GetDirectoryName(typeof(Updater).Assembly.CodeBase);
            }
            """,
            Verifier.Diagnostic("MIG3114").WithSpan(9, 29, 9, 44).WithArguments(
                "WebClient is obsolete from .NET 6 (SYSLIB0014). Use a shared HttpClient: GetStringAsync, GetByteArrayAsync and GetStreamAsync replace DownloadString, DownloadData and OpenRead."),
            Verifier.Diagnostic("MIG3112").WithSpan(15, 92, 15, 100).WithArguments(
                "Assembly.CodeBase is obsolete from .NET 5 (SYSLIB0012) and throws in single-file apps. Use Assembly.Location, which is a file path rather than a file:// URI: code that parses the URI (new Uri(…).LocalPath, stripping \"file:///\") must change with it, and in single-file apps use AppContext.BaseDirectory."));
}
