using System.Threading.Tasks;
using MigrationAnalyzers.Rules.FrameworkUpgrade;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.FrameworkUpgrade.CodeAccessSecurityAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class CodeAccessSecurityAnalyzerTests
{
    private const string Plugins = """
        using System.Security;
        using System.Security.Permissions;

        [assembly: SecurityPermission(SecurityAction.RequestMinimum, Execution = true)]

        namespace Shop.Plugins
        {
            public sealed class PluginLoader
            {
                [FileIOPermission(SecurityAction.Demand, Unrestricted = true)]
                public void Load(string folder)
                {
                    var read = new FileIOPermission(FileIOPermissionAccess.Read, folder);
                    read.Demand();
                    var sandbox = new PermissionSet(PermissionState.None);
                    sandbox.AddPermission(read);
                }
            }
        }
        """;

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net48, null, Plugins);

    [Fact]
    public Task Net48_moving_to_net8_reports_attributes_and_permission_objects()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net48, "net8.0", Plugins,
            Verifier.Diagnostic("MIG3004").WithSpan(4, 12, 4, 79).WithArguments("[SecurityPermission]", ".NET 8.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(10, 10, 10, 70).WithArguments("[FileIOPermission]", ".NET 8.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(13, 24, 13, 81).WithArguments("new FileIOPermission", ".NET 8.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(15, 27, 15, 66).WithArguments("new PermissionSet", ".NET 8.0"));

    [Fact]
    public Task Net10_project_reports_what_still_compiles_there()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net100, null, """
            #pragma warning disable SYSLIB0003
            using System.Security;
            using System.Security.Permissions;

            public sealed class Guarded
            {
                [SecurityPermission(SecurityAction.Demand, UnmanagedCode = true)]
                public void CallNative() { }

                public PermissionSet Nothing() => new PermissionSet(PermissionState.None);
            }
            """,
            Verifier.Diagnostic("MIG3004").WithSpan(7, 6, 7, 69).WithArguments("[SecurityPermission]", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(10, 39, 10, 78).WithArguments("new PermissionSet", ".NET 10.0"));

    /// <summary>A target-typed new() is judged by the type its declaration writes, or bound where none is written.</summary>
    [Fact]
    public Task Net10_target_typed_permissions_are_reported_wherever_their_type_comes_from()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net100, null, """
            #pragma warning disable SYSLIB0003
            using System.Collections.Generic;
            using System.Security;
            using System.Security.Permissions;

            public sealed class Guarded
            {
                private readonly PermissionSet _set = new(PermissionState.None);
                public PermissionSet? Granted { get; } = new(PermissionState.None);
                private readonly List<int> _other = new();

                public void Demand()
                {
                    PermissionSet local = new(PermissionState.Unrestricted);
                    Add(new(PermissionState.None));
                }

                private void Add(PermissionSet set) => _set.Union(set);
            }
            """,
            Verifier.Diagnostic("MIG3004").WithSpan(8, 43, 8, 68).WithArguments("new PermissionSet", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(9, 46, 9, 71).WithArguments("new PermissionSet", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(14, 31, 14, 64).WithArguments("new PermissionSet", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(15, 13, 15, 38).WithArguments("new PermissionSet", ".NET 10.0"));

    [Fact]
    public Task Net10_other_security_attributes_are_silent()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net100, null, """
            using System.Security;

            [SecurityCritical]
            public sealed class Native
            {
                [SecuritySafeCritical]
                public void Call() { }
            }
            """);

    [Fact]
    public Task Net10_attributes_are_found_on_every_declaration_they_may_be_written_on()
        => Upgrade.AnalyzeAsync<CodeAccessSecurityAnalyzer>(Framework.Net100, null, """
            #pragma warning disable SYSLIB0003
            using System;
            using System.Security;
            using System.Security.Permissions;

            [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
            public sealed class AuditPermissionAttribute : CodeAccessSecurityAttribute
            {
                public AuditPermissionAttribute(SecurityAction action) : base(action) { }
                public override IPermission CreatePermission() => null;
            }

            [AuditPermission(SecurityAction.Demand)]
            public partial class Guarded
            {
                [AuditPermission(SecurityAction.Demand)]
                public Guarded() { }

                [Obsolete, AuditPermission(SecurityAction.Demand)]
                public void Call() { }

                [return: AuditPermission(SecurityAction.Demand)]
                public int Count() => 0;
            }

            [Obsolete, AuditPermission(SecurityAction.Assert)]
            public partial class Guarded
            {
            }
            """,
            Verifier.Diagnostic("MIG3004").WithSpan(13, 2, 13, 40).WithArguments("[AuditPermission]", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(16, 6, 16, 44).WithArguments("[AuditPermission]", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(19, 16, 19, 54).WithArguments("[AuditPermission]", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(22, 14, 22, 52).WithArguments("[AuditPermission]", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan(26, 12, 26, 50).WithArguments("[AuditPermission]", ".NET 10.0"));

    /// <summary>
    /// Only types written with a name some permission or security attribute has are bound: those names come from the
    /// referenced assemblies, from the source's base lists (through any number of the project's own classes, generic ones
    /// too) and from using aliases, in the file or global in another.
    /// </summary>
    [Fact]
    public async Task Net10_permissions_named_through_the_project_or_an_alias_are_reported()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<CodeAccessSecurityAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            ReferenceAssemblies = Upgrade.References(Framework.Net100),
        };
        test.TestState.Sources.Add(("/0/Aliases.cs", "global using Vault = Shelf;\n"));
        test.TestState.Sources.Add(("/0/Test0.cs", """
            #pragma warning disable SYSLIB0003
            using System;
            using System.Security;
            using System.Security.Permissions;
            using Grants = System.Security.PermissionSet;
            using Sec = System.Security.Permissions.SecurityPermissionAttribute;

            public class Shelf : PermissionSet
            {
                public Shelf() : base(PermissionState.None) { }
            }

            public class Rack : Shelf { }

            public class Holder<T> : PermissionSet
            {
                public Holder() : base(PermissionState.None) { }
            }

            public sealed class Guarded
            {
                [Sec(SecurityAction.Demand, UnmanagedCode = true)]
                public object[] Make() => new object[]
                {
                    new Rack(),
                    new Holder<int>(),
                    new Grants(PermissionState.None),
                    new Vault(),
                    new Random(),
                    new Uri("https://example.com"),
                };
            }
            """));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            Verifier.Diagnostic("MIG3004").WithSpan("/0/Test0.cs", 22, 6, 22, 54).WithArguments("[Sec]", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan("/0/Test0.cs", 25, 9, 25, 19).WithArguments("new Rack", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan("/0/Test0.cs", 26, 9, 26, 26).WithArguments("new Holder", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan("/0/Test0.cs", 27, 9, 27, 41).WithArguments("new PermissionSet", ".NET 10.0"),
            Verifier.Diagnostic("MIG3004").WithSpan("/0/Test0.cs", 28, 9, 28, 20).WithArguments("new Shelf", ".NET 10.0"),
        });
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
