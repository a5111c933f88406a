using System;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

public class TargetFrameworkTests
{
    [Theory]
    [InlineData("net10.0", FrameworkFamily.NetCore, "10.0", ".NET 10.0")]
    [InlineData("net8.0-windows", FrameworkFamily.NetCore, "8.0", ".NET 8.0")]
    [InlineData(" NET9.0 ", FrameworkFamily.NetCore, "9.0", ".NET 9.0")]
    [InlineData("netcoreapp3.1", FrameworkFamily.NetCore, "3.1", ".NET Core 3.1")]
    [InlineData("net48", FrameworkFamily.NetFramework, "4.8", ".NET Framework 4.8")]
    [InlineData("net472", FrameworkFamily.NetFramework, "4.7.2", ".NET Framework 4.7.2")]
    [InlineData("netstandard2.0", FrameworkFamily.NetStandard, "2.0", ".NET Standard 2.0")]
    public void Monikers_are_read(string moniker, FrameworkFamily family, string version, string display)
    {
        var framework = TargetFramework.Parse(moniker);
        Assert.NotNull(framework);
        Assert.Equal(family, framework!.Family);
        Assert.Equal(Version.Parse(version), framework.Version);
        Assert.Equal(display, framework.DisplayName);
        Assert.Equal(framework, TargetFramework.Parse(framework.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("net")]
    [InlineData("net4.8")]
    [InlineData("net10")]
    [InlineData("dotnet10")]
    [InlineData("net8.x")]
    [InlineData("netcoreapp5.0")]
    public void Anything_else_is_not_a_framework(string moniker)
        => Assert.Null(TargetFramework.Parse(moniker));

    [Fact]
    public void Versions_compare_only_within_NET_Core()
    {
        Assert.True(TargetFramework.Parse("net9.0")!.IsNetCoreAtLeast(new Version(9, 0)));
        Assert.False(TargetFramework.Parse("net8.0")!.IsNetCoreAtLeast(new Version(9, 0)));
        Assert.True(TargetFramework.Parse("netcoreapp3.1")!.IsNetCoreAtLeast(new Version(1, 0)));
        Assert.False(TargetFramework.Parse("net48")!.IsNetCoreAtLeast(new Version(1, 0)));
    }
}
