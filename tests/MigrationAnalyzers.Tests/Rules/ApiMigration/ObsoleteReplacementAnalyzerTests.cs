using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

public class ObsoleteReplacementAnalyzerTests
{
    private static CodeFixTest<ObsoleteReplacementAnalyzer, RulePackCodeFix> Test(ReferenceAssemblies references, string source, string fixedSource)
    {
        var test = new CodeFixTest<ObsoleteReplacementAnalyzer, RulePackCodeFix> { ReferenceAssemblies = references };
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

    [Fact]
    public async Task Properties_and_fields_are_reported_by_reference_and_methods_by_call_whatever_other_members_share_the_name()
    {
        // Only a method's name makes a call a candidate, and only a property's or field's name any other reference: Gauge's
        // Start and Count share names with Meter's obsolete members of the other kind, and an obsolete delegate property is
        // still reported where it is invoked.
        var source = """
            using System;

            public class Meter
            {
                [Obsolete("Use Total instead")]
                public int Count => 0;

                public int Total => 0;

                [Obsolete("Use Limit instead")]
                public int Max = 1;

                public int Limit = 1;

                [Obsolete("Use Callback instead")]
                public Action Handler { get; } = () => { };

                public Action Callback { get; } = () => { };

                [Obsolete("Use Open instead")]
                public void Start() { }

                public void Open() { }
            }

            public class Gauge
            {
                public int Start => 0;

                public int Count() => 0;
            }

            class Caller
            {
                int Run(Meter meter, Gauge gauge)
                {
                    meter.{|MIG2002:Handler|}();
                    meter.{|MIG2002:Start|}();
                    Action group = meter.Start;
                    group();
                    return meter.{|MIG2002:Count|} + meter.{|MIG2002:Max|} + gauge.Start + gauge.Count();
                }
            }
            """;
        var fixedSource = source
            .Replace("{|MIG2002:Handler|}", "Callback")
            .Replace("{|MIG2002:Start|}", "Open")
            .Replace("{|MIG2002:Count|}", "Total")
            .Replace("{|MIG2002:Max|}", "Limit");
        await Test(TestReferences.Net80, source, fixedSource).RunAsync(CancellationToken.None);
    }

    // A library compiled into the test, so each replacement's shape is exactly the case at hand.
    private const string Library = """
        using System;
        using System.Threading.Tasks;

        public class Widget { }

        public class Store
        {
            [Obsolete("Use Keep instead")]
            public void Save(string name) { }

            public void Keep(int id) { }

            [Obsolete("Use SendAsync instead")]
            public void Send(string message) { }

            public Task SendAsync(string message) => Task.CompletedTask;

            [Obsolete("Use CountAsync instead")]
            public int Count() => 0;

            public Task<int> CountAsync() => Task.FromResult(0);

            [Obsolete("Use Create instead")]
            public Widget Make() => new Widget();

            public static Widget Create() => new Widget();

            [Obsolete("Use Write instead")]
            public void Put(string key, int value) { }

            public void Write(int position, string text) { }

            public void Write(string key, long value, bool flush = false) { }

            [Obsolete("Use Find instead")]
            public object Lookup(int id) => id;

            public string Find(int id) => "";

            [Obsolete("Use Fetch instead")]
            public string Get(int id) => "";

            public object Fetch(int id) => id;
        }
        """;

    private static CodeFixTest<ObsoleteReplacementAnalyzer, RulePackCodeFix> LibraryTest(string caller, string fixedCaller)
    {
        var test = Test(TestReferences.Net80, caller, fixedCaller);
        test.TestState.Sources.Add(("/0/Library.cs", Library));
        test.FixedState.Sources.Add(("/0/Library.cs", Library));
        return test;
    }

    [Fact]
    public async Task A_replacement_whose_parameters_take_other_types_gets_no_fix_and_says_why()
    {
        var caller = """
            class Caller
            {
                void Run(Store store) => store.{|#0:Save|}("name");
            }
            """;
        var test = LibraryTest(caller, caller);
        var expected = Verify<ObsoleteReplacementAnalyzer>.Diagnostic("MIG2002").WithLocation(0)
            .WithArguments("Store.Save", "Keep", "; no fix is offered: these arguments fit no overload of 'Keep'");
        test.TestState.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_Task_returning_replacement_of_a_synchronous_member_gets_no_fix()
    {
        // Send() → SendAsync() would compile as a statement and silently drop the work; Count() → CountAsync() would hold a task.
        var caller = """
            class Caller
            {
                int Run(Store store)
                {
                    store.{|#0:Send|}("hello");
                    var count = store.{|#1:Count|}();
                    return count;
                }
            }
            """;
        var test = LibraryTest(caller, caller);
        var send = Verify<ObsoleteReplacementAnalyzer>.Diagnostic("MIG2002").WithLocation(0)
            .WithArguments("Store.Send", "SendAsync", "; no fix is offered: 'SendAsync' returns Task where the obsolete member is synchronous");
        var count = Verify<ObsoleteReplacementAnalyzer>.Diagnostic("MIG2002").WithLocation(1)
            .WithArguments("Store.Count", "CountAsync", "; no fix is offered: 'CountAsync' returns Task<int> where the obsolete member is synchronous");
        test.TestState.ExpectedDiagnostics.AddRange(new[] { send, count });
        test.FixedState.ExpectedDiagnostics.AddRange(new[] { send, count });
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_static_replacement_of_an_instance_member_gets_no_fix()
    {
        var caller = """
            class Caller
            {
                Widget Run(Store store) => store.{|#0:Make|}();
            }
            """;
        var test = LibraryTest(caller, caller);
        var expected = Verify<ObsoleteReplacementAnalyzer>.Diagnostic("MIG2002").WithLocation(0)
            .WithArguments("Store.Make", "Create", "; no fix is offered: 'Create' is a static member where the obsolete one is not");
        test.TestState.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Overloads_are_chosen_by_the_compiler_on_the_rewritten_call()
    {
        // Write(int, string) has the same parameter count but does not take these arguments; Write(string, long, bool = false)
        // has another count and takes them (int → long, the optional flag left out). The compiler picks it.
        await LibraryTest(
            """
            class Caller
            {
                void Run(Store store) => store.{|MIG2002:Put|}("key", 42);
            }
            """,
            """
            class Caller
            {
                void Run(Store store) => store.Write("key", 42);
            }
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_return_type_that_converts_implicitly_is_fixed_and_one_that_does_not_is_not()
    {
        var test = LibraryTest(
            """
            class Caller
            {
                object First(Store store) => store.{|MIG2002:Lookup|}(1);

                string Second(Store store) => store.{|#0:Get|}(2);
            }
            """,
            """
            class Caller
            {
                object First(Store store) => store.Find(1);

                string Second(Store store) => store.{|#0:Get|}(2);
            }
            """);
        var expected = Verify<ObsoleteReplacementAnalyzer>.Diagnostic("MIG2002").WithLocation(0)
            .WithArguments("Store.Get", "Fetch", "; no fix is offered: 'Fetch' returns object, which does not convert to string");
        test.TestState.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        await test.RunAsync(CancellationToken.None);
    }
}
