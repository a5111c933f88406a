using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>
/// The package sets a history names with <c>references =</c>: net8.0 reference assemblies plus the real packages the
/// history's project references. The resolver does not roll a dependency forward to a served version by itself, so
/// where a package asks for a version the feed does not serve, the nearest served one is named here.
/// </summary>
public static class PackageSets
{
    public const string EfCoreVersion = "8.0.34";
    public const string NpgsqlEfCoreVersion = "8.0.11";
    public const string NpgsqlVersion = "8.0.9";
    public const string PomeloVersion = "8.0.3";
    public const string MySqlConnectorVersion = "2.4.0";
    public const string FluentMigratorVersion = "8.0.1";

    private static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80;

    /// <summary>EF Core itself, named at the served version because Npgsql's and Pomelo's minimums are not served.</summary>
    private static readonly PackageIdentity[] EfCoreCore =
    {
        new("Microsoft.EntityFrameworkCore", EfCoreVersion),
        new("Microsoft.EntityFrameworkCore.Abstractions", EfCoreVersion),
        new("Microsoft.EntityFrameworkCore.Relational", EfCoreVersion),
    };

    /// <summary>SqlClient's chain asks for System.Formats.Asn1 8.0.2 and IdentityModel 6.x, which are not served.</summary>
    private static readonly PackageIdentity[] SqlServer =
    {
        new("Microsoft.EntityFrameworkCore.SqlServer", EfCoreVersion),
        new("System.Formats.Asn1", "9.0.0"),
        new("Microsoft.IdentityModel.JsonWebTokens", "7.5.0"),
        new("Microsoft.IdentityModel.Tokens", "7.5.0"),
        new("Microsoft.IdentityModel.Logging", "7.5.0"),
        new("Microsoft.IdentityModel.Abstractions", "7.5.0"),
        new("Microsoft.IdentityModel.Protocols", "7.5.0"),
        new("Microsoft.IdentityModel.Protocols.OpenIdConnect", "7.5.0"),
        new("System.IdentityModel.Tokens.Jwt", "7.5.0"),
    };

    private static readonly PackageIdentity[] Npgsql =
    {
        new("Npgsql.EntityFrameworkCore.PostgreSQL", NpgsqlEfCoreVersion),
        new("Npgsql", NpgsqlVersion),
    };

    private static readonly PackageIdentity[] Sqlite =
    {
        new("Microsoft.EntityFrameworkCore.Sqlite", EfCoreVersion),
    };

    /// <summary>Pomelo 8.0.3 asks for MySqlConnector 2.3.5, which is not served.</summary>
    private static readonly PackageIdentity[] MySql =
    {
        new("Pomelo.EntityFrameworkCore.MySql", PomeloVersion),
        new("MySqlConnector", MySqlConnectorVersion),
    };

    private static readonly PackageIdentity[] FluentMigrator =
    {
        new("FluentMigrator", FluentMigratorVersion),
        new("FluentMigrator.Runner.Core", FluentMigratorVersion),
    };

    private static readonly PackageIdentity[] FluentMigratorPostgres =
    {
        new("FluentMigrator.Extensions.Postgres", FluentMigratorVersion),
        new("FluentMigrator.Runner.Postgres", FluentMigratorVersion),
    };

    private static readonly IReadOnlyDictionary<string, ReferenceAssemblies> Sets = new Dictionary<string, ReferenceAssemblies>(StringComparer.OrdinalIgnoreCase)
    {
        ["efcore-all-providers"] = With(EfCoreCore, SqlServer, Npgsql, Sqlite, MySql),
        ["efcore-sqlite"] = With(Sqlite),
        ["efcore-sqlserver"] = With(SqlServer),
        ["efcore-npgsql"] = With(Npgsql, EfCoreCore),
        ["fluentmigrator"] = With(FluentMigrator),
        ["fluentmigrator-postgres"] = With(FluentMigrator, FluentMigratorPostgres),
    };

    public static IEnumerable<string> Names => Sets.Keys;

    public static ReferenceAssemblies Get(string name)
        => Sets.TryGetValue(name, out var set)
            ? set
            : throw new ArgumentException($"Unknown package set '{name}'; history.ini 'references =' must be one of: {string.Join(", ", Sets.Keys)}");

    /// <summary>
    /// Resolves the named sets one after another. On a cold cache the resolver downloads packages lazily, and two
    /// resolutions downloading the same package at once can fail, so this runs before any parallel work.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, ImmutableArray<MetadataReference>>> ResolveAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, ImmutableArray<MetadataReference>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            resolved[name] = await ResolveWithRetryAsync(Get(name), cancellationToken).ConfigureAwait(false);
        }

        return resolved;
    }

    /// <summary>
    /// Another test process (dotnet test runs the solution's test projects side by side) may be extracting the same
    /// package into the global packages folder; a failed download or extraction is retried after a pause.
    /// </summary>
    private static async Task<ImmutableArray<MetadataReference>> ResolveWithRetryAsync(ReferenceAssemblies set, CancellationToken cancellationToken)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await set.ResolveAsync(LanguageNames.CSharp, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < attempts && exception is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromSeconds(5 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static ReferenceAssemblies With(params PackageIdentity[][] groups)
        => Net80.AddPackages(groups.SelectMany(group => group).ToImmutableArray());
}
