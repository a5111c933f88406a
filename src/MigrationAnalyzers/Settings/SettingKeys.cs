namespace MigrationAnalyzers.Settings;

/// <summary>
/// Names of the options read from .editorconfig or a global AnalyzerConfig.
/// All of them live under one prefix; per-rule options are written <c>migration_analyzers.MIG1010.option</c>.
/// </summary>
public static class SettingKeys
{
    public const string Prefix = "migration_analyzers.";

    /// <summary>Migrations whose ID or version is at or below this value are not analysed (adoption on a legacy history).</summary>
    public const string Baseline = Prefix + "baseline";

    /// <summary>Report FluentMigrator ForwardOnlyMigration classes under MIG1001 (off by default: they say so on purpose).</summary>
    public const string ReportForwardOnly = Prefix + "MIG1001.report_forward_only";

    /// <summary>
    /// The framework a project is moving to (<c>net10.0</c>, <c>net8.0</c>, …), checked by the framework-upgrade rules (MIG3xxx).
    /// Without it they check the project's own target framework.
    /// </summary>
    public const string UpgradeTarget = Prefix + "upgrade_target";

    /// <summary>Which built-in rule packs run: all (default), none, or a comma-separated list of pack names.</summary>
    public const string BuiltInPacks = Prefix + "builtin_packs";

    public static string ForRule(string ruleId, string option) => Prefix + ruleId + "." + option;
}
