using System.Threading.Tasks;
using MigrationAnalyzers.Rules.FrameworkUpgrade;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.FrameworkUpgrade.LegacyExceptionSerializationAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class LegacyExceptionSerializationAnalyzerTests
{
    private const string OrderException = """
        #pragma warning disable SYSLIB0051
        using System;
        using System.Runtime.Serialization;

        namespace Shop.Orders
        {
            [Serializable]
            public class OrderRejectedException : InvalidOperationException
            {
                public OrderRejectedException(string orderId) : base("Order " + orderId + " was rejected") { OrderId = orderId; }

                protected OrderRejectedException(SerializationInfo info, StreamingContext context)
                    : base(info, context)
                {
                    OrderId = info.GetString(nameof(OrderId));
                }

                public string OrderId { get; }

                public override void GetObjectData(SerializationInfo info, StreamingContext context)
                {
                    base.GetObjectData(info, context);
                    info.AddValue(nameof(OrderId), OrderId);
                }
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] Expected(string target) => new[]
    {
        Verifier.Diagnostic("MIG3009").WithSpan(13, 15, 13, 34).WithArguments("the serialization constructor InvalidOperationException(SerializationInfo, StreamingContext)", target),
        Verifier.Diagnostic("MIG3009").WithSpan(20, 30, 20, 43).WithArguments("the override of Exception.GetObjectData", target),
    };

    [Fact]
    public Task Net48_without_upgrade_target_is_silent()
        => Upgrade.AnalyzeAsync<LegacyExceptionSerializationAnalyzer>(Framework.Net48, null, OrderException);

    [Fact]
    public Task Net48_moving_to_net6_is_silent_because_the_obsoletion_came_with_NET_8()
        => Upgrade.AnalyzeAsync<LegacyExceptionSerializationAnalyzer>(Framework.Net48, "net6.0", OrderException);

    [Fact]
    public Task Net48_moving_to_net8_reports_the_constructor_chain_and_the_override()
        => Upgrade.AnalyzeAsync<LegacyExceptionSerializationAnalyzer>(Framework.Net48, "net8.0", OrderException, Expected(".NET 8.0"));

    [Fact]
    public Task Net10_project_is_reported()
        => Upgrade.AnalyzeAsync<LegacyExceptionSerializationAnalyzer>(Framework.Net100, null, OrderException, Expected(".NET 10.0"));

    [Fact]
    public Task Net10_modern_exception_is_silent()
        => Upgrade.AnalyzeAsync<LegacyExceptionSerializationAnalyzer>(Framework.Net100, null, """
            using System;

            public class OrderRejectedException : InvalidOperationException
            {
                public OrderRejectedException(string orderId, Exception inner) : base("Order " + orderId + " was rejected", inner) { }
            }
            """);
}
