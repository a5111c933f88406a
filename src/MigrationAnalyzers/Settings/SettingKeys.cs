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

    /// <summary>Report MIG1020 for seed rows (EF Core HasData) inserted into a table created earlier in the same migration (off by default).</summary>
    public const string ReportSeedDataForNewTables = Prefix + "MIG1020.report_seed_data_for_new_tables";

    public static string ForRule(string ruleId, string option) => Prefix + ruleId + "." + option;
}
