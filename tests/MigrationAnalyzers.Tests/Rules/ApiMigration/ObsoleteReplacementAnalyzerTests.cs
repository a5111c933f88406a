using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

public class ObsoleteReplacementAnalyzerTests
{
    private static CodeFixTest<ObsoleteReplacementAnalyzer, RulePackCodeFixProvider> Test(ReferenceAssemblies references, string source, string fixedSource)
    {
        var test = new CodeFixTest<ObsoleteReplacementAnalyzer, RulePackCodeFixProvider> { ReferenceAssemblies = references };
        test.TestState.Sources.Add(("/0/Code.cs", source));
        test.FixedState.Sources.Add(("/0/Code.cs", fixedSource));
        // The compiler's own CS0618 for the same uses.
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
        return test;
    }

    [Fact]
    public async Task Same_type_replacement_is_a_rename_on_real_EF_Core()
    {
        // EF Core 6.0: [Obsolete("Use HasDatabaseName() instead.")] on IndexBuilder.HasName; the efcore pack is off here.
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public class Blog { public int Id { get; set; } public string Url { get; set; } }

                public static class BlogModel
                {
                    public static void Configure(ModelBuilder modelBuilder)
                        => modelBuilder.Entity<Blog>().HasIndex(b => b.Url).{|MIG2002:HasName|}("IX_Blogs_Url");
                }
            }
            """;
        var test = Test(TestReferences.EfCoreRelational("6.0.7"), source, source.Replace("{|MIG2002:HasName|}", "HasDatabaseName"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nmigration_analyzers.builtin_packs = none\n"));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nmigration_analyzers.builtin_packs = none\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Members_a_built_in_pack_matches_are_left_to_the_pack()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public class Blog { public int Id { get; set; } public string Url { get; set; } }

                public static class BlogModel
                {
                    public static void Configure(ModelBuilder modelBuilder)
                        => modelBuilder.Entity<Blog>().HasIndex(b => b.Url).HasName("IX_Blogs_Url");
                }
            }
            """;
        await Test(TestReferences.EfCoreRelational("6.0.7"), source, source).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Replacement_on_another_type_is_a_move_for_Thread_VolatileRead()
    {
        // "Thread.VolatileRead and Thread.VolatileWrite are obsolete. Use Volatile.Read or Volatile.Write respectively instead."
        // VolatileWrite takes two arguments and Volatile.Read one: only VolatileRead is rewritten.
        var test = Test(
            TestReferences.Net90,
            """
            using System.Threading;

            class Counter
            {
                private int _value;

                public int Current => Thread.{|MIG2002:VolatileRead|}(ref _value);

                public void Reset() => Thread.VolatileWrite(ref _value, 0);
            }
            """,
            """
            using System.Threading;

            class Counter
            {
                private int _value;

                public int Current => Volatile.Read(ref _value);

                public void Reset() => Thread.VolatileWrite(ref _value, 0);
            }
            """);

        // MIG2002 alone: with the built-in packs on, the framework-upgrade pack reports Thread.VolatileRead (MIG3154) instead.
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nmigration_analyzers.builtin_packs = none\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Messages_naming_another_overload_or_nothing_usable_are_ignored()
    {
        var source = """
            using System;

            public class Client
            {
                [Obsolete("Use Publish(topic, payload)")]
                public void Publish(string payload, int topic) { }

                public void Publish(int topic, string payload) { }

                [Obsolete("Use the async API")]
                public void Flush() { }

                [Obsolete("Use SendAsync instead")]
                public void Send(string message) { }

                public void SendAsync(string message) { }
            }

            class Caller
            {
                void Run(Client client)
                {
                    client.Publish("x", 1);
                    client.Flush();
                    client.{|MIG2002:Send|}("x");
                }
            }
            """;
        await Test(TestReferences.Net80, source, source.Replace("{|MIG2002:Send|}", "SendAsync")).RunAsync(CancellationToken.None);
    }
}
