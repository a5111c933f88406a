using System;

namespace MigrationAnalyzers.Databases;

/// <summary>
/// A database engine and its server version, as <c>migration_analyzers.database_version</c> states it
/// (<c>postgresql 15</c>, <c>mysql 8.0.36</c>, <c>sqlserver 2022</c>) or as the code shows it (Npgsql
/// <c>SetPostgresVersion</c>, Pomelo <c>MySqlServerVersion</c>). SQL Server is named by its release year.
/// </summary>
public sealed class DatabaseVersion
{
    /// <summary>The engine names the setting accepts, each with the provider it stands for.</summary>
    private static readonly (string Name, DatabaseProvider Provider)[] Engines =
    {
        ("postgresql", DatabaseProvider.PostgreSql),
        ("postgres", DatabaseProvider.PostgreSql),
        ("mysql", DatabaseProvider.MySql),
        ("sqlserver", DatabaseProvider.SqlServer),
        ("sqlite", DatabaseProvider.Sqlite),
    };

    public DatabaseVersion(DatabaseProvider provider, Version version)
    {
        Provider = provider;
        Version = version;
    }

    public DatabaseProvider Provider { get; }

    public Version Version { get; }

    /// <summary><c>postgresql 15</c>, <c>mysql 8.0.36</c>, <c>sqlserver 2022</c>; null when the text is not one.</summary>
    public static DatabaseVersion? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return null;
        }

        foreach (var (name, provider) in Engines)
        {
            if (string.Equals(parts[0], name, StringComparison.OrdinalIgnoreCase))
            {
                return TargetDatabase.ParseVersion(parts[1]) is { } version && IsPlausible(provider, version)
                    ? new DatabaseVersion(provider, version)
                    : null;
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="value"/> is not a database version, or null (MIG9001).</summary>
    public static string? Validate(string value)
        => Parse(value) is null
            ? "expected a database and its version, such as postgresql 15, mysql 8.0.36, sqlserver 2022 or sqlite 3.45"
            : null;

    /// <summary>SQL Server is named by its release year (2016 … 2022); the others by their own version numbers.</summary>
    private static bool IsPlausible(DatabaseProvider provider, Version version)
        => provider == DatabaseProvider.SqlServer ? version.Major >= 2000 && version.Major < 2100 : version.Major < 1000;

    public override string ToString()
        => TargetDatabase.DisplayName(Provider) + " " + Version.ToString(Version.Build >= 0 ? 3 : 2);
}
