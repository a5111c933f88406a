using System;
using System.Collections.Generic;
using System.Globalization;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>What a setting accepts; <see cref="Validate"/> returns why a value is wrong, or null.</summary>
public sealed class SettingDefinition
{
    private readonly Func<string, string?> _validate;

    public SettingDefinition(string key, string description, Func<string, string?> validate)
    {
        Key = key;
        Description = description;
        _validate = validate;
    }

    public string Key { get; }

    public string Description { get; }

    public string? Validate(string value) => _validate(value.Trim());
}

/// <summary>
/// Every option the package reads. Rules add their options here so that a typo or a bad value
/// is reported (MIG9001) instead of being silently ignored.
/// </summary>
public static class SettingDefinitions
{
    private static readonly List<SettingDefinition> Definitions = new List<SettingDefinition>
    {
        new SettingDefinition(SettingKeys.Baseline, "migrations at or before this ID or version are not analysed", MigrationPositionValue),
        new SettingDefinition(SettingKeys.ReportForwardOnly, "report forward-only migrations (ForwardOnlyMigration, a Down that throws on purpose) under MIG1001", BooleanValue),
        new SettingDefinition(SettingKeys.ReportDataOnly, "report data-only migrations whose Down is empty or throws under MIG1001", BooleanValue),
        new SettingDefinition(SettingKeys.DeprecationPeriodDays, "MIG1010: days a column or table must be unmapped (or declared deprecated) before it is dropped", NonNegativeIntegerValue),
        new SettingDefinition(SettingKeys.ReportSeedDataForNewTables, "report seed rows inserted into a table created in the same migration under MIG1020", BooleanValue),
        new SettingDefinition(SettingKeys.TargetDatabase, "the database the migrations run on; when unset, decided from the migrations' own evidence (see rules/target-database.md)", OneOf(TargetDatabase.SettingValues)),
        new SettingDefinition(SettingKeys.Deployment, "rolling (old and new app versions share the schema) or single_instance (one process migrates its own database); default single_instance on SQLite and for a history with IfDatabase(\"sqlite\") steps, rolling otherwise", OneOf(Databases.Deployment.SettingValues)),
        new SettingDefinition(SettingKeys.TargetDatabaseVersion, "the version of the target database, such as 16 or 15.4 (older form of database_version)", VersionValue),
        new SettingDefinition(SettingKeys.DatabaseVersion, "the database and its server version, such as postgresql 15, mysql 8.0.36 or sqlserver 2022; names the target database when target_database is unset; read from SetPostgresVersion or Pomelo's ServerVersion in code when unset", Databases.DatabaseVersion.Validate),
        new SettingDefinition(SettingKeys.RequireOnlineIndexOnSqlServer, "MIG1060: require ONLINE index builds on SQL Server", BooleanValue),
        new SettingDefinition(SettingKeys.UpgradeTarget, "the framework the project is moving to, checked by the MIG3xxx rules", TargetFrameworkValue),
        new SettingDefinition(SettingKeys.BuiltInPacks, "built-in API migration rule packs to run: all, none or a list of names", RulePacks.BuiltInPacksSetting.Validate),
        new SettingDefinition(SettingKeys.LockTimeout, "MIG1193: the lock_timeout its fix sets at the start of a PostgreSQL migration, such as 5s, 500ms or 1min", DurationValue),
    };

    public static IReadOnlyList<SettingDefinition> All => Definitions;

    public static SettingDefinition? Find(string key)
    {
        foreach (var definition in Definitions)
        {
            if (string.Equals(definition.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return definition;
            }
        }

        return null;
    }

    public static string? BooleanValue(string value)
        => bool.TryParse(value, out _) ? null : "expected true or false";

    public static string? NonNegativeIntegerValue(string value)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? null
            : "expected a whole number of zero or more";

    public static string? MigrationPositionValue(string value)
        => MigrationPosition.Parse(value) is null
            ? "expected a migration ID such as 20240101120000_AddUsers or a version number"
            : null;

    /// <summary>A PostgreSQL duration as SET lock_timeout takes it: a whole number with ms, s, min, h or d.</summary>
    public static string? DurationValue(string value)
        => System.Text.RegularExpressions.Regex.IsMatch(value, "^[0-9]{1,9}(ms|s|min|h|d)$")
            ? null
            : "expected a duration such as 5s, 500ms or 1min";

    public static string? VersionValue(string value)
        => TargetDatabase.ParseVersion(value) is null ? "expected a version such as 16 or 15.4" : null;
    public static string? TargetFrameworkValue(string value)
        => Settings.TargetFramework.Parse(value) is null
            ? "expected a target framework moniker such as net10.0, net8.0, netcoreapp3.1 or net48"
            : null;

    public static Func<string, string?> OneOf(params string[] allowed)
        => value =>
        {
            foreach (var candidate in allowed)
            {
                if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return "expected one of: " + string.Join(", ", allowed);
        };
}
