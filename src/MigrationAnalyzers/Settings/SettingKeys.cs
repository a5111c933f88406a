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

    /// <summary>
    /// Report forward-only migrations under MIG1001: FluentMigrator ForwardOnlyMigration classes, a Down that throws on
    /// purpose, a base class whose Down throws (off by default: they say so on purpose).
    /// </summary>
    public const string ReportForwardOnly = Prefix + "MIG1001.report_forward_only";

    /// <summary>Report MIG1001 for data-only migrations (backfills, seeds, PRAGMA) whose Down is empty or throws (off by default).</summary>
    public const string ReportDataOnly = Prefix + "MIG1001.report_data_only";

    /// <summary>MIG1010: days between the migration that stops mapping a column or table and the one that drops it.</summary>
    public const string DeprecationPeriodDays = Prefix + "MIG1010.deprecation_period_days";

    /// <summary>The database the migrations run on (<c>postgresql</c>, <c>sqlserver</c>, <c>sqlite</c>, <c>mysql</c>); decided from the migrations' own evidence when unset (rules/target-database.md).</summary>
    public const string TargetDatabase = Prefix + "target_database";

    /// <summary>
    /// The database and its server version (<c>postgresql 15</c>, <c>mysql 8.0.36</c>, <c>sqlserver 2022</c>); it also names
    /// the target database when <see cref="TargetDatabase"/> is unset. Rules that depend on the version otherwise read it
    /// from <c>SetPostgresVersion</c> / Pomelo <c>ServerVersion</c> in code, or assume a current version.
    /// </summary>
    public const string DatabaseVersion = Prefix + "database_version";

    /// <summary>The older form of <see cref="DatabaseVersion"/>: the version alone (<c>16</c>, <c>15.4</c>), of whichever database is the target.</summary>
    public const string TargetDatabaseVersion = Prefix + "target_database_version";

    /// <summary>
    /// How the application is deployed: <c>rolling</c> (old and new versions share the schema during a deployment, other
    /// writers work meanwhile) or <c>single_instance</c> (one process migrates its own database at start-up). Default:
    /// <c>single_instance</c> on SQLite, <c>rolling</c> otherwise.
    /// </summary>
    public const string Deployment = Prefix + "deployment";

    /// <summary>MIG1060: ask for ONLINE index builds on SQL Server (only Enterprise and Azure SQL support them; turn off on Standard).</summary>
    public const string RequireOnlineIndexOnSqlServer = Prefix + "MIG1060.sql_server_online";

    /// <summary>MIG1193: the lock_timeout its fix sets (a PostgreSQL duration such as 5s, 500ms or 1min).</summary>
    public const string LockTimeout = Prefix + "MIG1193.lock_timeout";

    /// <summary>Report MIG1020 for seed rows (EF Core HasData) inserted into a table created earlier in the same migration (off by default).</summary>
    public const string ReportSeedDataForNewTables = Prefix + "MIG1020.report_seed_data_for_new_tables";

    /// <summary>
    /// The framework a project is moving to (<c>net10.0</c>, <c>net8.0</c>, …), checked by the framework-upgrade rules (MIG3xxx).
    /// Without it they check the project's own target framework.
    /// </summary>
    public const string UpgradeTarget = Prefix + "upgrade_target";

    /// <summary>Which built-in rule packs run: all (default), none, or a comma-separated list of pack names.</summary>
    public const string BuiltInPacks = Prefix + "builtin_packs";

    public static string ForRule(string ruleId, string option) => Prefix + ruleId + "." + option;
}
