using Xunit.Abstractions;

namespace XunitV2ToV3;

/// <summary>Reports slow queries both to the running test and to xUnit.net's diagnostic sink.</summary>
public sealed class SlowQueryReporter(ITestOutputHelper output, IMessageSink diagnostics)
{
    public IMessageSink Diagnostics { get; } = diagnostics;

    public void Report(string sql, TimeSpan elapsed) => output.WriteLine($"slow ({elapsed.TotalMilliseconds} ms): {sql}");
}
