using Xunit.Abstractions;

namespace XunitV2ToV3;

/// <summary>A class fixture: xUnit.net hands it the diagnostic message sink.</summary>
public sealed class DatabaseFixture(IMessageSink diagnostics)
{
    public IMessageSink Diagnostics { get; } = diagnostics;

    public string ConnectionString { get; } = "Data Source=:memory:";
}
