using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Reading;

/// <summary>Which migrations the rules look at: everything after the configured baseline.</summary>
public static class MigrationScope
{
    /// <summary>
    /// True when <c>migration_analyzers.baseline</c> is set and the migration is at or before it, so a team can adopt
    /// the package on a long history and be held to the rules only from now on.
    /// </summary>
    public static bool IsBeforeBaseline(MigrationInfo migration, AnalyzerOptions options)
    {
        var baseline = new SettingReader(options, migration.Location.SourceTree).GetMigrationPosition(SettingKeys.Baseline);
        if (baseline is null || migration.Position is not { } position)
        {
            return false;
        }

        // An EF Core baseline is a 14-digit timestamp; compare like with like so a FluentMigrator version such as 42 is not mixed up.
        return position <= baseline.Value;
    }
}
