using System;

namespace MigrationAnalyzers.Settings;

/// <summary>The families of .NET that a project can target; only their versions are comparable within a family.</summary>
public enum FrameworkFamily
{
    /// <summary>.NET Framework 1.0–4.8.1 (<c>net48</c>, <c>net472</c>, …).</summary>
    NetFramework,

    /// <summary>.NET Core 1.0–3.1 and .NET 5 and later (<c>netcoreapp3.1</c>, <c>net8.0</c>, …).</summary>
    NetCore,

    /// <summary>.NET Standard: runs on both, so no upgrade rule can say what happens.</summary>
    NetStandard,
}

/// <summary>
/// A target framework such as <c>net48</c> or <c>net10.0</c>, read from a target framework moniker (TFM).
/// Platform suffixes (<c>net8.0-windows</c>) are ignored: the breaking changes checked here do not depend on them.
/// </summary>
public sealed class TargetFramework : IEquatable<TargetFramework>
{
    public TargetFramework(FrameworkFamily family, Version version)
    {
        Family = family;
        Version = version;
    }

    public FrameworkFamily Family { get; }

    public Version Version { get; }

    public static TargetFramework NetCore(int major, int minor = 0) => new TargetFramework(FrameworkFamily.NetCore, new Version(major, minor));

    /// <summary>True when this is .NET Core / .NET 5+ at or after <paramref name="since"/>.</summary>
    public bool IsNetCoreAtLeast(Version since) => Family == FrameworkFamily.NetCore && Version >= since;

    /// <summary>
    /// Reads a TFM: <c>net10.0</c>, <c>net8.0-windows</c>, <c>netcoreapp3.1</c>, <c>net48</c>, <c>net472</c>, <c>netstandard2.0</c>.
    /// Returns null for anything else, so a typo never turns into a wrong answer.
    /// </summary>
    public static TargetFramework? Parse(string? moniker)
    {
        if (moniker is null)
        {
            return null;
        }

        var text = moniker.Trim().ToLowerInvariant();
        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            text = text.Substring(0, dash);
        }

        if (text.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return ParseDotted(FrameworkFamily.NetCore, text.Substring("netcoreapp".Length), maxMajor: 3);
        }

        if (text.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return ParseDotted(FrameworkFamily.NetStandard, text.Substring("netstandard".Length), maxMajor: 2);
        }

        if (!text.StartsWith("net", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text.Substring(3);
        if (rest.IndexOf('.') >= 0)
        {
            // net5.0 and later always carry a dot; net4.8 is not a valid TFM.
            var modern = ParseDotted(FrameworkFamily.NetCore, rest, maxMajor: 99);
            return modern is not null && modern.Version.Major >= 5 ? modern : null;
        }

        // .NET Framework monikers are digits without dots: net48 = 4.8, net472 = 4.7.2, net20 = 2.0.
        if (rest.Length < 2 || rest.Length > 3 || !IsDigits(rest))
        {
            return null;
        }

        var major = rest[0] - '0';
        var minor = rest[1] - '0';
        var version = rest.Length == 3 ? new Version(major, minor, rest[2] - '0') : new Version(major, minor);
        // net10/net11 (.NET Framework 1.x) are left out on purpose: "net10" is far more often a typo for net10.0.
        return major is >= 2 and <= 4 ? new TargetFramework(FrameworkFamily.NetFramework, version) : null;
    }

    private static TargetFramework? ParseDotted(FrameworkFamily family, string text, int maxMajor)
    {
        if (!Version.TryParse(text, out var version) || version.Major < 1 || version.Major > maxMajor)
        {
            return null;
        }

        return new TargetFramework(family, new Version(version.Major, Math.Max(version.Minor, 0)));
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Written the way users write it in a project file: <c>net10.0</c>, <c>netcoreapp3.1</c>, <c>net48</c>.</summary>
    public override string ToString()
        => Family switch
        {
            FrameworkFamily.NetFramework => "net" + Version.ToString().Replace(".", string.Empty),
            FrameworkFamily.NetStandard => "netstandard" + Version.ToString(2),
            _ when Version.Major >= 5 => "net" + Version.ToString(2),
            _ => "netcoreapp" + Version.ToString(2),
        };

    /// <summary>The product name, for messages: ".NET 10.0", ".NET Core 3.1", ".NET Framework 4.8".</summary>
    public string DisplayName
        => Family switch
        {
            FrameworkFamily.NetFramework => ".NET Framework " + Version.ToString(),
            FrameworkFamily.NetStandard => ".NET Standard " + Version.ToString(2),
            _ when Version.Major >= 5 => ".NET " + Version.ToString(2),
            _ => ".NET Core " + Version.ToString(2),
        };

    public bool Equals(TargetFramework? other) => other is not null && other.Family == Family && other.Version.Equals(Version);

    public override bool Equals(object? obj) => Equals(obj as TargetFramework);

    public override int GetHashCode() => ((int)Family * 397) ^ Version.GetHashCode();
}
