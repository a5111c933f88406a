using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Settings;

/// <summary>The database engines whose behaviour some rules depend on.</summary>
public enum DatabaseProvider
{
    /// <summary>Not configured and not inferable (no provider package, or several).</summary>
    Unknown,
    PostgreSql,
    SqlServer,
    Sqlite,
    MySql,
}

/// <summary>
/// The database a file's migrations run on, and its version: <c>migration_analyzers.target_database</c> and
/// <c>migration_analyzers.target_database_version</c> when set, otherwise the provider inferred from the referenced
/// EF Core provider or FluentMigrator runner package (only when exactly one kind is referenced).
/// Rules ask <see cref="Resolve"/> once per migration.
/// </summary>
public sealed class TargetDatabase
{
    /// <summary>The values <c>migration_analyzers.target_database</c> accepts.</summary>
    public static readonly string[] SettingValues = { "postgresql", "sqlserver", "sqlite", "mysql" };

    private static readonly ConditionalWeakTable<Compilation, TargetDatabase> Inferred = new ConditionalWeakTable<Compilation, TargetDatabase>();

    public TargetDatabase(DatabaseProvider provider, Version? version, bool isConfigured)
    {
        Provider = provider;
        Version = version;
        IsConfigured = isConfigured;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Null when not configured: rules then assume a current, supported version.</summary>
    public Version? Version { get; }

    /// <summary>True when the provider comes from the option rather than from the referenced packages.</summary>
    public bool IsConfigured { get; }

    public bool Is(DatabaseProvider provider) => Provider == provider;

    /// <summary>The configured version is at least <paramref name="major"/>.<paramref name="minor"/>; true when no version is configured.</summary>
    public bool IsAtLeast(int major, int minor = 0) => Version is null || Version >= new Version(major, minor);

    /// <summary>The target database for migrations in <paramref name="tree"/>.</summary>
    public static TargetDatabase Resolve(Compilation compilation, AnalyzerOptions options, SyntaxTree? tree)
    {
        var reader = new SettingReader(options, tree);
        var version = ParseVersion(reader.GetString(SettingKeys.TargetDatabaseVersion));
        var configured = ParseProvider(reader.GetString(SettingKeys.TargetDatabase));
        return configured != DatabaseProvider.Unknown
            ? new TargetDatabase(configured, version, isConfigured: true)
            : new TargetDatabase(InferFromReferences(compilation), version, isConfigured: false);
    }

    /// <summary>The provider whose package the compilation references; Unknown when none or more than one kind is referenced.</summary>
    public static DatabaseProvider InferFromReferences(Compilation compilation)
        => Inferred.GetValue(compilation, c => new TargetDatabase(Infer(c), null, isConfigured: false)).Provider;

    /// <summary>
    /// The compilation references a package of <paramref name="provider"/>, whatever else it references: for rules about
    /// one provider's features (Npgsql's concurrent indexes) that must fire only when that provider is in use.
    /// </summary>
    public static bool IsReferenced(Compilation compilation, DatabaseProvider provider)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (ProviderOfAssembly(assembly.Name) == provider)
            {
                return true;
            }
        }

        return false;
    }

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

    private static DatabaseProvider Infer(Compilation compilation)
    {
        var found = DatabaseProvider.Unknown;
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            var provider = ProviderOfAssembly(assembly.Name);
            if (provider == DatabaseProvider.Unknown || provider == found)
            {
                continue;
            }

            if (found != DatabaseProvider.Unknown)
            {
                // Two providers (tests on SQLite, production on PostgreSQL …): which one runs the migrations is a guess.
                return DatabaseProvider.Unknown;
            }

            found = provider;
        }

        return found;
    }

    private static DatabaseProvider ProviderOfAssembly(string name)
        => name switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" or "FluentMigrator.Runner.Postgres" => DatabaseProvider.PostgreSql,
            "Microsoft.EntityFrameworkCore.SqlServer" or "FluentMigrator.Runner.SqlServer" => DatabaseProvider.SqlServer,
            "Microsoft.EntityFrameworkCore.Sqlite" or "FluentMigrator.Runner.SQLite" => DatabaseProvider.Sqlite,
            "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" or "MySql.Data.EntityFrameworkCore" or "FluentMigrator.Runner.MySql" => DatabaseProvider.MySql,
            _ => DatabaseProvider.Unknown,
        };
}
