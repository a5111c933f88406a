using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>Every rewrite kind of the pack format, applied by the code fix, keeping trivia and fixing usings.</summary>
public class RewriteKindTests
{
    private const string AcmeLibrary = """
        using System;

        namespace Acme.Messaging
        {
            public class Client
            {
                [Obsolete("Use SendAsync instead")]
                public void Send(string message) { }

                public void SendAsync(string message) { }

                [Obsolete("Use Publish(topic, payload)", error: true)]
                public void Publish(string payload, int topic) { }

                public void Publish(int topic, string payload) { }

                public T Read<T>(string key) => default!;

                [Obsolete("flush is always true now")]
                public void Log(string message, bool flush) { }

                public void Log(string message) { }

                [Obsolete("the delay is explicit now")]
                public void Retry(string operation, int attempts) { }

                public void Retry(string operation, int attempts, System.TimeSpan delay) { }
            }

            public static class ClientExtensions
            {
                public static T Lookup<T>(Client client, string key, bool cached) => default!;
            }
        }

        namespace Legacy.Billing
        {
            public class Money { public Money(decimal amount) { } }
            public class Invoice { }
        }

        namespace Modern.Billing
        {
            public class Money { public Money(decimal amount) { } }
            public class Invoice { }
            public class Amount<T> { }
        }

        namespace Legacy.Billing.Generic
        {
            public class Amount<T> { }
        }
        """;

    [Fact]
    public async Task Rename_keeps_receiver_arguments_and_comments()
    {
        var pack = """
            [ACME001]
            message = Client.Send is replaced by SendAsync
            match = M:Acme.Messaging.Client.Send(System.String)
            rewrite = rename SendAsync
            """;
        await PackFix.VerifyAsync(
            pack,
            """
            using Acme.Messaging;

            class Sender
            {
                void Run(Client client)
                {
                    client /* the bus */ .{|MIG2001:Send|}( "hello" ); // greet
                }
            }
            """,
            """
            using Acme.Messaging;

            class Sender
            {
                void Run(Client client)
                {
                    client /* the bus */ .SendAsync( "hello" ); // greet
                }
            }
            """,
            library: AcmeLibrary);
    }

    [Fact]
    public async Task Change_type_everywhere_it_is_named_and_swaps_usings()
    {
        var pack = """
            [BILL001]
            message = Legacy.Billing.Money moved to Modern.Billing
            match = T:Legacy.Billing.Money
            rewrite = type T:Modern.Billing.Money
            """;
        var test = PackFix.Create(pack);
        test.TestState.Sources.Add(("/0/Code.cs", """
            using System;
            using System.Collections.Generic;
            using Legacy.Billing;

            class Ledger
            {
                private readonly List<{|MIG2001:Money|}> _entries = new List<{|MIG2001:Money|}>();

                public {|MIG2001:Money|} Add(object value)
                {
                    var money = ({|MIG2001:Money|})value;
                    var again = new {|MIG2001:Money|}(1m);
                    Type type = typeof({|MIG2001:Money|});
                    return value as {|MIG2001:Legacy.Billing.Money|} ?? money;
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Library.cs", AcmeLibrary));
        // One fix at a time ends where fix all does: names written qualified while the old Money was still imported are shortened
        // by the fix that removes the old using.
        test.FixedState.Sources.Add(("/0/Code.cs", """
            using System;
            using System.Collections.Generic;
            using Modern.Billing;

            class Ledger
            {
                private readonly List<Money> _entries = new List<Money>();

                public Money Add(object value)
                {
                    var money = (Money)value;
                    var again = new Money(1m);
                    Type type = typeof(Money);
                    return value as Money ?? money;
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Library.cs", AcmeLibrary));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Change_namespace_in_usings_and_qualified_names()
    {
        var pack = """
            [BILL002]
            message = Legacy.Billing is now Modern.Billing
            match = N:Legacy.Billing
            rewrite = namespace Modern.Billing
            """;
        await PackFix.VerifyAsync(
            pack,
            """
            using {|MIG2001:Legacy.Billing|};

            class Ledger
            {
                Invoice _last;
                {|MIG2001:Legacy.Billing|}.Money _total;
            }
            """,
            """
            using Modern.Billing;

            class Ledger
            {
                Invoice _last;
                Modern.Billing.Money _total;
            }
            """,
            library: AcmeLibrary);
    }

    [Fact]
    public async Task Move_static_member_to_another_type()
    {
        var pack = """
            [SYS0054]
            message = Thread.VolatileRead is obsolete; use Volatile.Read
            match = M:System.Threading.Thread.VolatileRead(*)
            rewrite = move System.Threading.Volatile.Read
            """;
        await PackFix.VerifyAsync(
            pack,
            """
            using System.Threading;

            class Counter
            {
                private int _value;

                public int Current => Thread.{|MIG2001:VolatileRead|}(ref _value);
            }
            """,
            """
            using System.Threading;

            class Counter
            {
                private int _value;

                public int Current => Volatile.Read(ref _value);
            }
            """);
    }

    [Fact]
    public async Task Constructor_to_factory_adds_the_using()
    {
        var pack = """
            [SYS0021]
            message = SHA256Managed is obsolete; use SHA256.Create()
            match = M:System.Security.Cryptography.SHA256Managed.#ctor
            rewrite = factory System.Security.Cryptography.SHA256.Create
            """;
        await PackFix.VerifyAsync(
            pack,
            """
            class Hasher
            {
                public byte[] Hash(byte[] data)
                {
                    using var sha = {|MIG2001:new System.Security.Cryptography.SHA256Managed()|};
                    return sha.ComputeHash(data);
                }
            }
            """,
            """
            using System.Security.Cryptography;

            class Hasher
            {
                public byte[] Hash(byte[] data)
                {
                    using var sha = SHA256.Create();
                    return sha.ComputeHash(data);
                }
            }
            """);
    }

    [Fact]
    public async Task Arguments_are_reordered_for_an_obsolete_as_error_overload()
    {
        var pack = """
            [ACME002]
            message = Publish(payload, topic) is gone; use Publish(topic, payload)
            match = M:Acme.Messaging.Client.Publish(System.String,System.Int32)
            rewrite = arguments {1}, {0}
            """;
        var test = PackFix.Create(pack);
        test.TestState.Sources.Add(("/0/Code.cs", """
            using Acme.Messaging;

            class Sender
            {
                void Run(Client client) => {|CS0619:client.{|MIG2001:Publish|}("payload", 7)|};
            }
            """));
        test.TestState.Sources.Add(("/0/Library.cs", AcmeLibrary));
        // The old overload is obsolete as an error (CS0619): the code does not compile until the fix runs.
        test.FixedState.Sources.Add(("/0/Code.cs", """
            using Acme.Messaging;

            class Sender
            {
                void Run(Client client) => client.Publish(7, "payload");
            }
            """));
        test.FixedState.Sources.Add(("/0/Library.cs", AcmeLibrary));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Arguments_are_removed_and_added()
    {
        var pack = """
            [ACME006]
            message = Log(message, flush) is obsolete; flushing is automatic
            match = M:Acme.Messaging.Client.Log(System.String,System.Boolean)
            rewrite = arguments {0}

            [ACME007]
            message = Retry needs an explicit delay
            match = M:Acme.Messaging.Client.Retry(System.String,System.Int32)
            rewrite = arguments {0}, {1}, global::System.TimeSpan.FromSeconds(1)
            """;
        var test = PackFix.Create(pack);
        test.TestState.Sources.Add(("/0/Code.cs", """
            using Acme.Messaging;

            class Sender
            {
                void Run(Client client)
                {
                    client.{|MIG2001:Log|}("started", flush: true);
                    client.{|MIG2001:Retry|}("send", 3);
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Library.cs", AcmeLibrary));
        test.FixedState.Sources.Add(("/0/Code.cs", """
            using System;
            using Acme.Messaging;

            class Sender
            {
                void Run(Client client)
                {
                    client.Log("started");
                    client.Retry("send", 3, TimeSpan.FromSeconds(1));
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Library.cs", AcmeLibrary));
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
        // Two pack rules, one diagnostic ID: fix all applies each diagnostic's own fix in one pass.
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Template_with_receiver_arguments_and_type_arguments()
    {
        var pack = """
            [ACME003]
            message = Client.Read<T> is replaced by ClientExtensions.Lookup<T>
            match = M:Acme.Messaging.Client.Read``1(System.String)
            rewrite = template global::Acme.Messaging.ClientExtensions.Lookup<{T0}>({receiver}, {key}, true)
            """;
        await PackFix.VerifyAsync(
            pack,
            """
            using Acme.Messaging;

            class Reader
            {
                int Run(Client client) => client.{|MIG2001:Read<int>|}("answer") + 1;
            }
            """,
            """
            using Acme.Messaging;

            class Reader
            {
                int Run(Client client) => ClientExtensions.Lookup<int>(client, "answer", true) + 1;
            }
            """,
            library: AcmeLibrary);
    }

    [Fact]
    public async Task Flag_only_rule_has_no_fix_and_gives_guidance()
    {
        var pack = """
            [ACME004]
            message = Client.Read needs review:
            guidance = the new API throws instead of returning default.
            match = M:Acme.Messaging.Client.Read``1(System.String)
            rewrite = none
            """;
        var source = """
            using Acme.Messaging;

            class Reader
            {
                int Run(Client client) => client.{|MIG2001:Read<int>|}("answer");
            }
            """;
        await PackFix.VerifyAsync(pack, source, source, library: AcmeLibrary);
    }

    [Fact]
    public async Task Call_that_no_longer_binds_is_found_by_receiver_and_name_and_fixed()
    {
        var pack = """
            [ACME005]
            message = Client.Post was removed; use SendAsync
            match = M:Acme.Messaging.Client.Post(System.String)
            rewrite = rename SendAsync
            """;
        var test = PackFix.Create(pack);
        test.TestState.Sources.Add(("/0/Code.cs", """
            using Acme.Messaging;

            class Sender
            {
                void Run(Client client) => client.{|CS1061:{|MIG2001:Post|}|}("hello");
            }
            """));
        test.TestState.Sources.Add(("/0/Library.cs", AcmeLibrary));
        test.FixedState.Sources.Add(("/0/Code.cs", """
            using Acme.Messaging;

            class Sender
            {
                void Run(Client client) => client.SendAsync("hello");
            }
            """));
        test.FixedState.Sources.Add(("/0/Library.cs", AcmeLibrary));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_all_rewrites_every_match_in_every_document()
    {
        var pack = """
            [SYS0054]
            message = Thread.VolatileRead is obsolete; use Volatile.Read
            match = M:System.Threading.Thread.VolatileRead(*)
            rewrite = move System.Threading.Volatile.Read
            """;
        var test = PackFix.Create(pack);
        const string before = """
            using System.Threading;

            class Counter{0}
            {
                private int _a, _b;

                public int Sum => Thread.{|MIG2001:VolatileRead|}(ref _a) + Thread.{|MIG2001:VolatileRead|}(ref _b);
            }
            """;
        const string after = """
            using System.Threading;

            class Counter{0}
            {
                private int _a, _b;

                public int Sum => Volatile.Read(ref _a) + Volatile.Read(ref _b);
            }
            """;
        test.TestState.Sources.Add(("/0/A.cs", before.Replace("{0}", "A")));
        test.TestState.Sources.Add(("/0/B.cs", before.Replace("{0}", "B")));
        test.FixedState.Sources.Add(("/0/A.cs", after.Replace("{0}", "A")));
        test.FixedState.Sources.Add(("/0/B.cs", after.Replace("{0}", "B")));
        test.BatchFixedState.Sources.Add(("/0/A.cs", after.Replace("{0}", "A")));
        test.BatchFixedState.Sources.Add(("/0/B.cs", after.Replace("{0}", "B")));
        test.BatchFixedState.AdditionalFiles.Add((PackFix.PackPath, pack));
        await test.RunAsync(CancellationToken.None);
    }
}
