using System;
using System.Globalization;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// <c>target-framework = &gt;= net5.0, &lt; net8.0</c>. Frameworks compare only within a family (.NETCoreApp with net5.0+,
/// .NETFramework, .NETStandard); a project of another family does not match.
/// </summary>
public sealed class TargetFrameworkRange
{
    private TargetFrameworkRange(string family, VersionRange range)
    {
        Family = family;
        Range = range;
    }

    public string Family { get; }

    public VersionRange Range { get; }

    public bool Contains(TargetFramework framework)
        => string.Equals(framework.Family, Family, StringComparison.Ordinal) && Range.Contains(framework.Version);

    public static TargetFrameworkRange? Parse(string text, out string? error)
    {
        string? family = null;
        string? familyError = null;
        var range = VersionRange.Parse(
            text,
            moniker =>
            {
                var framework = TargetFramework.Parse(moniker);
                if (framework is null)
                {
                    return null;
                }

                if (family is not null && family != framework.Family)
                {
                    familyError = "all bounds must name the same framework family";
                }

                family = framework.Family;
                return framework.Version;
            },
            out error);
        error ??= familyError;
        if (range is null || error is not null || family is null)
        {
            error ??= "expected bounds such as '>= net5.0'";
            return null;
        }

        return new TargetFrameworkRange(family, range);
    }
}

/// <summary>A target framework moniker read into family and version (net8.0, netcoreapp3.1, net48, netstandard2.0).</summary>
public sealed class TargetFramework
{
    public const string NetCoreApp = ".NETCoreApp";
    public const string NetFramework = ".NETFramework";
    public const string NetStandard = ".NETStandard";

    public TargetFramework(string family, Version version)
    {
        Family = family;
        Version = version;
    }

    public string Family { get; }

    public Version Version { get; }

    public static TargetFramework? Parse(string moniker)
    {
        moniker = moniker.Trim().ToLowerInvariant();
        var platform = moniker.IndexOf('-');
        if (platform >= 0)
        {
            moniker = moniker.Substring(0, platform);
        }

        if (moniker.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return Make(NetCoreApp, moniker.Substring(10));
        }

        if (moniker.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return Make(NetStandard, moniker.Substring(11));
        }

        if (moniker.StartsWith("net", StringComparison.Ordinal))
        {
            var rest = moniker.Substring(3);
            if (rest.IndexOf('.') >= 0)
            {
                // net5.0 and later are .NET (Core); net4.7.2 style monikers do not exist, so a dot means .NETCoreApp.
                return Make(NetCoreApp, rest);
            }

            // net48, net472: digits are major, minor, build.
            if (rest.Length is >= 2 and <= 3 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return Make(NetFramework, string.Join(".", rest.ToCharArray()));
            }
        }

        return null;
    }

    /// <summary>The same framework as the upgrade rules see it (<see cref="Infrastructure.UpgradeTargetResolver"/>).</summary>
    public static TargetFramework? From(Infrastructure.TargetFramework? framework)
        => framework?.Family switch
        {
            Infrastructure.FrameworkFamily.NetCore => new TargetFramework(NetCoreApp, framework.Version),
            Infrastructure.FrameworkFamily.NetFramework => new TargetFramework(NetFramework, framework.Version),
            Infrastructure.FrameworkFamily.NetStandard => new TargetFramework(NetStandard, framework.Version),
            _ => null,
        };

    /// <summary>From MSBuild's <c>TargetFrameworkIdentifier</c> and <c>TargetFrameworkVersion</c> (v8.0).</summary>
    public static TargetFramework? FromIdentifier(string identifier, string version)
    {
        var parsed = VersionRange.ParseVersion(version.TrimStart('v', 'V'));
        return parsed is null || identifier.Length == 0 ? null : new TargetFramework(identifier, parsed);
    }

    private static TargetFramework? Make(string family, string version)
    {
        var parsed = VersionRange.ParseVersion(version);
        return parsed is null ? null : new TargetFramework(family, parsed);
    }
}
