using System;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Databases;

/// <summary>How a database takes an index build or drop while the application writes to the table.</summary>
public enum IndexBuildLocking
{
    /// <summary>Not known for this database: rules that depend on it stay silent.</summary>
    Unknown,

    /// <summary>Writes wait for the whole build unless the provider's concurrent form is used (PostgreSQL <c>CONCURRENTLY</c>).</summary>
    BlocksWritesUnlessConcurrent,

    /// <summary>Writes wait for the whole build unless <c>ONLINE = ON</c> is asked for, where the edition has it (SQL Server).</summary>
    BlocksWritesUnlessOnline,

    /// <summary>The engine builds the index online by default (MySQL InnoDB).</summary>
    Online,

    /// <summary>An embedded database: nothing else writes while the application migrates (SQLite).</summary>
    NoConcurrentWriters,
}

/// <summary>What making a nullable column NOT NULL (same type) costs while the application runs.</summary>
public enum RequiredChangeCost
{
    Unknown,

    /// <summary>A full scan of the table under an exclusive lock (PostgreSQL <c>SET NOT NULL</c>).</summary>
    ScanUnderExclusiveLock,

    /// <summary>A size-of-data check under a schema-modification lock (SQL Server <c>ALTER COLUMN … NOT NULL</c>).</summary>
    ScanUnderSchemaLock,

    /// <summary>An in-place rebuild that lets concurrent writes through (MySQL InnoDB <c>MODIFY … NOT NULL</c>).</summary>
    OnlineRebuild,

    /// <summary>EF Core rebuilds the table (SQLite): a copy, but nothing else writes meanwhile.</summary>
    TableRebuild,
}

/// <summary>
/// What one database and its EF Core provider really do for the operations the migration rules judge. Every row is
/// proven on the SQL the provider itself generates, and by execution where a server exists (see the provider
/// behaviour tests); a rule asks this table instead of holding its own belief about a database.
/// </summary>
public sealed class ProviderBehaviour
{
    public static readonly ProviderBehaviour PostgreSql = new ProviderBehaviour(
        DatabaseProvider.PostgreSql,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderMajor: 7,
        IndexBuildLocking.BlocksWritesUnlessConcurrent,
        RequiredChangeCost.ScanUnderExclusiveLock,
        varcharGrowthCopiesAcrossBytes: null,
        isEmbedded: false);

    public static readonly ProviderBehaviour SqlServer = new ProviderBehaviour(
        DatabaseProvider.SqlServer,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderMajor: 0,
        IndexBuildLocking.BlocksWritesUnlessOnline,
        RequiredChangeCost.ScanUnderSchemaLock,
        varcharGrowthCopiesAcrossBytes: null,
        isEmbedded: false);

    public static readonly ProviderBehaviour MySql = new ProviderBehaviour(
        DatabaseProvider.MySql,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderMajor: null,
        IndexBuildLocking.Online,
        RequiredChangeCost.OnlineRebuild,
        varcharGrowthCopiesAcrossBytes: 255,
        isEmbedded: false);

    public static readonly ProviderBehaviour Sqlite = new ProviderBehaviour(
        DatabaseProvider.Sqlite,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderMajor: 5,
        IndexBuildLocking.NoConcurrentWriters,
        RequiredChangeCost.TableRebuild,
        varcharGrowthCopiesAcrossBytes: null,
        isEmbedded: true);

    /// <summary>No database is known: every fact is Unknown, so only provider-neutral rules speak.</summary>
    public static readonly ProviderBehaviour Unknown = new ProviderBehaviour(
        DatabaseProvider.Unknown,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderMajor: null,
        IndexBuildLocking.Unknown,
        RequiredChangeCost.Unknown,
        varcharGrowthCopiesAcrossBytes: null,
        isEmbedded: false);

    private readonly int? _fillsNullsFromProviderMajor;

    private ProviderBehaviour(
        DatabaseProvider database,
        int? fillsNullsWhenMadeRequiredWithDefaultFromProviderMajor,
        IndexBuildLocking indexBuild,
        RequiredChangeCost makeRequired,
        int? varcharGrowthCopiesAcrossBytes,
        bool isEmbedded)
    {
        Database = database;
        _fillsNullsFromProviderMajor = fillsNullsWhenMadeRequiredWithDefaultFromProviderMajor;
        IndexBuild = indexBuild;
        MakeRequired = makeRequired;
        VarcharGrowthCopiesAcrossBytes = varcharGrowthCopiesAcrossBytes;
        IsEmbedded = isEmbedded;
    }

    public DatabaseProvider Database { get; }

    /// <summary>CREATE/DROP INDEX on a table the application writes to.</summary>
    public IndexBuildLocking IndexBuild { get; }

    /// <summary>Nullable → NOT NULL on the same type.</summary>
    public RequiredChangeCost MakeRequired { get; }

    /// <summary>
    /// MySQL: a varchar whose maximum byte length crosses this boundary needs a second length byte, and InnoDB copies
    /// the table; null where growing a varchar is a metadata change (or a rebuild that does not matter).
    /// </summary>
    public int? VarcharGrowthCopiesAcrossBytes { get; }

    /// <summary>An embedded database: the application and its schema upgrade together, and nothing else writes meanwhile.</summary>
    public bool IsEmbedded { get; }

    public static ProviderBehaviour Of(DatabaseProvider database)
        => database switch
        {
            DatabaseProvider.PostgreSql => PostgreSql,
            DatabaseProvider.SqlServer => SqlServer,
            DatabaseProvider.MySql => MySql,
            DatabaseProvider.Sqlite => Sqlite,
            _ => Unknown,
        };

    /// <summary>
    /// Nullable → NOT NULL with a <c>defaultValue</c>: the provider's migration SQL fills the existing NULLs with the
    /// default before the constraint applies (SQL Server and Npgsql 7+ with an UPDATE, SQLite through its table rebuild);
    /// Pomelo emits a plain <c>MODIFY … NOT NULL</c>, which fails on NULL rows. A null version means a current provider.
    /// </summary>
    public bool FillsNullsWhenMadeRequiredWithDefault(Version? providerVersion = null)
        => _fillsNullsFromProviderMajor is { } major && (providerVersion is null || providerVersion.Major >= major);

    public override string ToString() => Database.ToString();
}
