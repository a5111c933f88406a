using Xunit.Abstractions;

namespace XunitV2ToV3;

/// <summary>Writes timed steps to the test's output.</summary>
public sealed class StepLog(ITestOutputHelper output)
{
    public void Step(string text) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {text}");
}
