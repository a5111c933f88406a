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
    public const string NpgsqlVersion = "8.0.9";

    public static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80;

    /// <summary>
    /// .NET Framework 4.8, as a project has it before the move. Testing 1.1.4's own <c>Net48.Default</c> may ask for a package
    /// version that is not served, so the served one is named here, with the same assembly list.
    /// </summary>
    public static readonly ReferenceAssemblies Net48 = new ReferenceAssemblies(
            "net48",
            new PackageIdentity("Microsoft.NETFramework.ReferenceAssemblies.net48", "1.0.3"),
            Path.Combine("build", ".NETFramework", "v4.8"))
        .AddAssemblies(ReferenceAssemblies.NetFramework.Net48.Default.Assemblies)
        .AddFacadeAssemblies(ReferenceAssemblies.NetFramework.Net48.Default.FacadeAssemblies);

    /// <summary>.NET 10, the framework most upgrades now move to.</summary>
    public static readonly ReferenceAssemblies Net100 = new ReferenceAssemblies(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public static readonly ReferenceAssemblies EfCore = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCoreVersion)));

    /// <summary>SQL Server's EF provider; its SqlClient chain asks for versions the feed does not serve
    /// (System.Formats.Asn1 8.0.2, IdentityModel 6.24), so the nearest served ones are named.</summary>
    public static readonly ReferenceAssemblies EfCoreSqlServer = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.SqlServer", EfCoreVersion),
        new PackageIdentity("System.Formats.Asn1", "9.0.0"),
        new PackageIdentity("Microsoft.IdentityModel.JsonWebTokens", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Tokens", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Logging", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Abstractions", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Protocols", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Protocols.OpenIdConnect", "7.5.0"),
        new PackageIdentity("System.IdentityModel.Tokens.Jwt", "7.5.0")));

    /// <summary>
    /// Npgsql's EF provider with the EF Core and Npgsql versions the feed serves named explicitly: its own minimums
    /// (EF Core 8.0.11, Npgsql 8.0.6) are not served, and the reference resolver does not roll forward by itself.
    /// </summary>
    public static readonly ReferenceAssemblies EfCoreNpgsql = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Npgsql.EntityFrameworkCore.PostgreSQL", NpgsqlEfCoreVersion),
        new PackageIdentity("Microsoft.EntityFrameworkCore", EfCoreVersion),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Abstractions", EfCoreVersion),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCoreVersion),
        new PackageIdentity("Npgsql", NpgsqlVersion)));

    /// <summary>The same set as <see cref="EfCoreNpgsql"/> (both names are in use).</summary>
    public static readonly ReferenceAssemblies EfCoreWithNpgsql = EfCoreNpgsql;

    public static readonly ReferenceAssemblies EfCoreSqlite = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.Sqlite", EfCoreVersion)));

    public const string PomeloVersion = "8.0.3";

    /// <summary>
    /// Every EF Core provider at once (SQL Server, SQLite, Npgsql, Pomelo), as a migrations project has them through a
    /// shared infrastructure project: the references then say nothing about the database a migration targets.
    /// </summary>
    public static readonly ReferenceAssemblies EfCoreAllProviders = EfCoreSqlServer.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.Sqlite", EfCoreVersion),
        new PackageIdentity("Npgsql.EntityFrameworkCore.PostgreSQL", NpgsqlEfCoreVersion),
        new PackageIdentity("Npgsql", NpgsqlVersion),
        new PackageIdentity("Pomelo.EntityFrameworkCore.MySql", PomeloVersion),
        new PackageIdentity("MySqlConnector", "2.4.0"),
        new PackageIdentity("Microsoft.EntityFrameworkCore", EfCoreVersion),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Abstractions", EfCoreVersion),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCoreVersion)));

    public static readonly ReferenceAssemblies FluentMigrator = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("FluentMigrator", FluentMigratorVersion)));

    public static readonly ReferenceAssemblies FluentMigratorPostgres = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("FluentMigrator", FluentMigratorVersion),
        new PackageIdentity("FluentMigrator.Extensions.Postgres", FluentMigratorVersion)));

    public static readonly ReferenceAssemblies FluentMigratorSqlServer = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("FluentMigrator", FluentMigratorVersion),
        new PackageIdentity("FluentMigrator.Extensions.SqlServer", FluentMigratorVersion)));
    /// <summary>.NET 9 reference assemblies (SYSLIB0054 obsoletes Thread.VolatileRead there).</summary>
    public static readonly ReferenceAssemblies Net90 = new ReferenceAssemblies(
        "net9.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "9.0.16"),
        Path.Combine("ref", "net9.0"));

    public const string NewtonsoftJsonVersion = "13.0.3";

    public static readonly ReferenceAssemblies NewtonsoftJson = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Newtonsoft.Json", NewtonsoftJsonVersion)));

    /// <summary>EF Core Relational at an older version (3.1, 5.0, 6.0 …), for upgrade rules.</summary>
    public static ReferenceAssemblies EfCoreRelational(string version) => Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore", version),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", version)));

    /// <summary>The ASP.NET Core 8 shared framework reference pack.</summary>
    public static readonly ReferenceAssemblies AspNetCore80 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.31")));

    /// <summary>ASP.NET Core 2.2 hosting abstractions, as a 2.x project references them.</summary>
    public static readonly ReferenceAssemblies AspNetCoreHosting22 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.AspNetCore.Hosting.Abstractions", "2.2.0")));

    /// <summary>Both migration frameworks, as in a project that is moving from one to the other.</summary>
    public static readonly ReferenceAssemblies EfCoreAndFluentMigrator = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCoreVersion),
        new PackageIdentity("FluentMigrator", FluentMigratorVersion)));

    /// <summary>System.Data.SqlClient as a project has it before the move to Microsoft.Data.SqlClient.</summary>
    public const string SystemDataSqlClientVersion = "4.9.1";

    public static readonly ReferenceAssemblies SystemDataSqlClient = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("System.Data.SqlClient", SystemDataSqlClientVersion)));

    /// <summary>Microsoft.Data.SqlClient 5.1 with the served versions of its identity chain named (see <see cref="EfCoreSqlServer"/>).</summary>
    public const string MicrosoftDataSqlClientVersion = "5.1.9";

    public static readonly ReferenceAssemblies MicrosoftDataSqlClient = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.Data.SqlClient", MicrosoftDataSqlClientVersion),
        new PackageIdentity("System.Formats.Asn1", "9.0.0"),
        new PackageIdentity("Microsoft.IdentityModel.JsonWebTokens", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Tokens", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Logging", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Abstractions", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Protocols", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Protocols.OpenIdConnect", "7.5.0"),
        new PackageIdentity("System.IdentityModel.Tokens.Jwt", "7.5.0")));

    /// <summary>Both SqlClient packages, as a project has them half-way through the move.</summary>
    public static readonly ReferenceAssemblies BothSqlClients = MicrosoftDataSqlClient.AddPackages(ImmutableArray.Create(
        new PackageIdentity("System.Data.SqlClient", SystemDataSqlClientVersion)));

    /// <summary>FluentAssertions 7, the last version under the Apache-2.0 license, as a project has it before the move to AwesomeAssertions.</summary>
    public const string FluentAssertionsVersion = "7.2.2";

    public static readonly ReferenceAssemblies FluentAssertions7 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("FluentAssertions", FluentAssertionsVersion)));

    /// <summary>AwesomeAssertions 8: FluentAssertions 8's API, still in an assembly and namespace named FluentAssertions.</summary>
    public static readonly ReferenceAssemblies AwesomeAssertions8 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("AwesomeAssertions", "8.2.0")));

    /// <summary>AwesomeAssertions 9: the AwesomeAssertions namespace and assembly.</summary>
    public const string AwesomeAssertionsVersion = "9.6.0";

    public static readonly ReferenceAssemblies AwesomeAssertions9 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("AwesomeAssertions", AwesomeAssertionsVersion)));

    /// <summary>FluentAssertions 7 and AwesomeAssertions 9, as a project has them half-way through the move.</summary>
    public static readonly ReferenceAssemblies FluentAssertions7AndAwesomeAssertions9 = FluentAssertions7.AddPackages(ImmutableArray.Create(
        new PackageIdentity("AwesomeAssertions", AwesomeAssertionsVersion)));

    /// <summary>xUnit.net v2 as a test project compiles against it (xunit.core, xunit.assert and xunit.abstractions).</summary>
    public const string XunitV2Version = "2.9.3";

    public static readonly ReferenceAssemblies XunitV2 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("xunit.abstractions", "2.0.3"),
        new PackageIdentity("xunit.extensibility.core", XunitV2Version),
        new PackageIdentity("xunit.assert", XunitV2Version)));

    /// <summary>xUnit.net v3 as a test project compiles against it (xunit.v3.core, xunit.v3.common, xunit.v3.assert).</summary>
    public static ReferenceAssemblies XunitV3(string version) => Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("xunit.v3.extensibility.core", version),
        new PackageIdentity("xunit.v3.common", version),
        new PackageIdentity("xunit.v3.assert", version)));

    public static readonly ReferenceAssemblies XunitV3_3 = XunitV3("3.2.2");

    public static readonly ReferenceAssemblies XunitV3_4 = XunitV3("4.0.3");

    /// <summary>xUnit.net v3 with xunit.abstractions still referenced, as a project has it half-way through the move.</summary>
    public static readonly ReferenceAssemblies XunitV3WithAbstractions = XunitV3_3.AddPackages(ImmutableArray.Create(
        new PackageIdentity("xunit.abstractions", "2.0.3")));

    public static readonly ReferenceAssemblies XunitV3_4WithAbstractions = XunitV3_4.AddPackages(ImmutableArray.Create(
        new PackageIdentity("xunit.abstractions", "2.0.3")));

    /// <summary>EF Core 7, 9 and 10 Relational, the releases an EF Core 7 → 8 → 9 → 10 upgrade passes through (8 is <see cref="EfCoreVersion"/>).</summary>
    public const string EfCore7Version = "7.0.8";
    public const string EfCore9Version = "9.0.23";
    public const string EfCore10Version = "10.0.15";

    public static readonly ReferenceAssemblies EfCoreRelational7 = EfCoreRelational(EfCore7Version);

    public static readonly ReferenceAssemblies EfCoreRelational8 = EfCoreRelational(EfCoreVersion);

    public static readonly ReferenceAssemblies EfCoreRelational9 = EfCoreRelational(EfCore9Version);

    /// <summary>EF Core 10 targets .NET 10 only.</summary>
    public static readonly ReferenceAssemblies EfCoreRelational10 = Net100.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore", EfCore10Version),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCore10Version)));

    /// <summary>
    /// SQL Server's EF provider 7.0.5 (the last 7.0 served) with the served 7.0.8 EF Core named, since 7.0.5's own is not
    /// served, and SqlClient 5.1.9 with its identity chain as in <see cref="EfCoreSqlServer"/> (5.0.1 asks for an
    /// Azure.Identity that is not served).
    /// </summary>
    public static readonly ReferenceAssemblies EfCoreSqlServer7 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.SqlServer", "7.0.5"),
        new PackageIdentity("Microsoft.EntityFrameworkCore", EfCore7Version),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EfCore7Version),
        new PackageIdentity("Microsoft.Data.SqlClient", MicrosoftDataSqlClientVersion),
        new PackageIdentity("System.Formats.Asn1", "9.0.0"),
        new PackageIdentity("Microsoft.IdentityModel.JsonWebTokens", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Tokens", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Logging", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Abstractions", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Protocols", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Protocols.OpenIdConnect", "7.5.0"),
        new PackageIdentity("System.IdentityModel.Tokens.Jwt", "7.5.0")));

    /// <summary>SQL Server's EF provider 9, with the SqlClient identity chain named as in <see cref="EfCoreSqlServer"/>.</summary>
    public static readonly ReferenceAssemblies EfCoreSqlServer9 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.SqlServer", EfCore9Version),
        new PackageIdentity("System.Formats.Asn1", "9.0.0"),
        new PackageIdentity("Microsoft.IdentityModel.JsonWebTokens", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Tokens", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Logging", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Abstractions", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Protocols", "7.5.0"),
        new PackageIdentity("Microsoft.IdentityModel.Protocols.OpenIdConnect", "7.5.0"),
        new PackageIdentity("System.IdentityModel.Tokens.Jwt", "7.5.0")));

    /// <summary>SQL Server's EF provider 10 (on .NET 10).</summary>
    public static readonly ReferenceAssemblies EfCoreSqlServer10 = Net100.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore.SqlServer", EfCore10Version)));

    /// <summary>Microsoft.Data.Sqlite before and after its 10.0 date and time changes.</summary>
    public static readonly ReferenceAssemblies DataSqlite9 = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.Data.Sqlite.Core", EfCore9Version)));

    public static readonly ReferenceAssemblies DataSqlite10 = Net100.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.Data.Sqlite.Core", EfCore10Version)));

    /// <summary>.NET Framework 4.8 with System.Web and System.ServiceModel: an ASP.NET or WCF project before the move.</summary>
    public static readonly ReferenceAssemblies Net48WebAndWcf = Net48.AddAssemblies(ImmutableArray.Create("System.Web", "System.ServiceModel"));
}
