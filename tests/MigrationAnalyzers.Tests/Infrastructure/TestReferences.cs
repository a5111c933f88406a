using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// The real packages our users reference, restored from NuGet as reference packages — never stubs.
/// The code under analysis targets net8.0 unless a test says otherwise.
/// </summary>
public static class TestReferences
{
    public const string EfCoreVersion = "8.0.34";
    public const string FluentMigratorVersion = "8.0.1";
    public const string NpgsqlEfCoreVersion = "8.0.11";

    public static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80;

    public static readonly ReferenceAssemblies EfCore = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCoreVersion)));

    public static readonly ReferenceAssemblies EfCoreSqlServer = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.SqlServer", EfCoreVersion)));

    public static readonly ReferenceAssemblies EfCoreNpgsql = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Npgsql.EntityFrameworkCore.PostgreSQL", NpgsqlEfCoreVersion)));

    /// <summary>
    /// Npgsql's EF Core provider with its dependencies pinned to versions the feed serves (its own minimums,
    /// EF Core 8.0.11, are not served, and the resolver does not pick a newer patch by itself).
    /// </summary>
    public static readonly ReferenceAssemblies EfCoreWithNpgsql = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore", EfCoreVersion),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCoreVersion),
        new PackageIdentity("Npgsql", "8.0.9"),
        new PackageIdentity("Npgsql.EntityFrameworkCore.PostgreSQL", NpgsqlEfCoreVersion)));

    public static readonly ReferenceAssemblies EfCoreSqlite = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.Sqlite", EfCoreVersion)));

    public static readonly ReferenceAssemblies FluentMigrator = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("FluentMigrator", FluentMigratorVersion)));

    /// <summary>Both migration frameworks, as in a project that is moving from one to the other.</summary>
    public static readonly ReferenceAssemblies EfCoreAndFluentMigrator = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCoreVersion),
        new PackageIdentity("FluentMigrator", FluentMigratorVersion)));
}
