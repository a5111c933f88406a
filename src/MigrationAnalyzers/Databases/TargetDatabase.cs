using System;
using System.Globalization;

namespace MigrationAnalyzers.Databases;

/// <summary>The database engines whose behaviour some rules depend on.</summary>
public enum DatabaseProvider
{
    /// <summary>Not configured and no evidence decides it: only provider-neutral rules run.</summary>
    Unknown,
    PostgreSql,
    SqlServer,
    Sqlite,
    MySql,
}

/// <summary>
/// The database a migration runs on, its version, and what decided it. <see cref="TargetDatabasePolicy"/> decides it,
/// strongest evidence first (the setting, the migration's own operations, its history, its Designer, FluentMigrator
/// <c>IfDatabase</c>, a single referenced provider package); rules and code fixes ask the policy, never the references.
/// </summary>
public sealed class TargetDatabase
{
    /// <summary>The values <c>migration_analyzers.target_database</c> accepts.</summary>
    public static readonly string[] SettingValues = { "postgresql", "sqlserver", "sqlite", "mysql" };

    public static readonly TargetDatabase Unknown = new TargetDatabase(DatabaseProvider.Unknown, null, TargetEvidence.None);

    public TargetDatabase(DatabaseProvider provider, Version? version, bool isConfigured)
        : this(provider, version, isConfigured ? TargetEvidence.Setting : provider == DatabaseProvider.Unknown ? TargetEvidence.None : TargetEvidence.Reference)
    {
    }

    public TargetDatabase(DatabaseProvider provider, Version? version, TargetEvidence evidence)
    {
        Provider = provider;
        Version = version;
        Evidence = provider == DatabaseProvider.Unknown ? TargetEvidence.None : evidence;
        Behaviour = ProviderBehaviour.Of(provider);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Null when not configured: rules then assume a current, supported version.</summary>
    public Version? Version { get; }

    /// <summary>What decided <see cref="Provider"/>.</summary>
    public TargetEvidence Evidence { get; }

    /// <summary>What the database does for the operations the rules judge.</summary>
    public ProviderBehaviour Behaviour { get; }

    /// <summary>True when the provider comes from the setting.</summary>
    public bool IsConfigured => Evidence == TargetEvidence.Setting;

    public bool IsKnown => Provider != DatabaseProvider.Unknown;

    public bool Is(DatabaseProvider provider) => Provider == provider;

    /// <summary>The configured version is at least <paramref name="major"/>.<paramref name="minor"/>; true when no version is configured.</summary>
    public bool IsAtLeast(int major, int minor = 0) => Version is null || Version >= new Version(major, minor);

    public static DatabaseProvider ParseProvider(string? text)
        => text?.Trim().ToLowerInvariant() switch
        {
            "postgresql" => DatabaseProvider.PostgreSql,
            "sqlserver" => DatabaseProvider.SqlServer,
            "sqlite" => DatabaseProvider.Sqlite,
            "mysql" => DatabaseProvider.MySql,
            _ => DatabaseProvider.Unknown,
        };

    /// <summary><c>16</c>, <c>15.4</c> or <c>8.0.36</c>; null when it is not a version.</summary>
    public static Version? ParseVersion(string? text)
    {
        if (text is null)
        {
            return null;
        }

        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return new Version(major, 0);
        }

        return text.Length > 0 && char.IsDigit(text[0]) && Version.TryParse(text, out var version) ? version : null;
    }

    /// <summary>The display name rules use in messages (PostgreSQL, SQL Server, SQLite, MySQL).</summary>
    public static string DisplayName(DatabaseProvider provider)
        => provider switch
        {
            DatabaseProvider.PostgreSql => "PostgreSQL",
            DatabaseProvider.SqlServer => "SQL Server",
            DatabaseProvider.Sqlite => "SQLite",
            DatabaseProvider.MySql => "MySQL",
            _ => "the database",
        };

    public override string ToString() => Provider + " (" + Evidence + ")";
}
