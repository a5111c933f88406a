using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// <c>target-framework = &gt;= net5.0, &lt; net8.0</c>. Frameworks compare only within a family (.NETCoreApp with net5.0+,
/// .NETFramework, .NETStandard); a project of another family does not match.
/// </summary>
public sealed class TargetFrameworkRange
{
    private TargetFrameworkRange(FrameworkFamily family, VersionRange range)
    {
        Family = family;
        Range = range;
    }

    public FrameworkFamily Family { get; }

    public VersionRange Range { get; }

    public bool Contains(TargetFramework framework)
        => framework.Family == Family && Range.Contains(framework.Version);

    public static TargetFrameworkRange? Parse(string text, out string? error)
    {
        FrameworkFamily? family = null;
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

        return new TargetFrameworkRange(family.Value, range);
    }
}
