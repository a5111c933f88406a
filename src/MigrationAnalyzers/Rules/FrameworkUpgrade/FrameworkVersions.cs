using System;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>The first .NET (Core) version on which a framework-upgrade rule's breaking change applies.</summary>
public static class FrameworkVersions
{
    /// <summary>.NET Core 1.0: "everywhere but .NET Framework".</summary>
    public static Version NetCore1 { get; } = new Version(1, 0);

    public static Version Net(int major) => new Version(major, 0);
}
