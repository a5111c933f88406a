using System;

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

/// <summary>What making a <c>varchar</c> longer costs.</summary>
public enum VarcharGrowthCost
{
    Unknown,

    /// <summary>A catalogue change: no row is read or copied (PostgreSQL, SQL Server).</summary>
    InPlace,

    /// <summary>
    /// In place while the maximum byte length stays on one side of <see cref="ProviderBehaviour.VarcharGrowthCopiesAcrossBytes"/>;
    /// crossing it copies the table (MySQL InnoDB: the length prefix grows from one byte to two).
    /// </summary>
    CopiesAcrossLengthPrefix,

    /// <summary>EF Core rebuilds the table (SQLite), which does not enforce the length anyway.</summary>
    TableRebuild,
}

/// <summary>
/// What one database and its EF Core provider really do for the operations the migration rules judge. Every row is
/// proven on the SQL the provider itself generates, and by execution on SQLite and PostgreSQL (rules/databases.md shows
/// the table with that SQL); a rule asks this table instead of holding its own belief about a database.
/// </summary>
public sealed class ProviderBehaviour
{
    public static readonly ProviderBehaviour PostgreSql = new ProviderBehaviour(
        DatabaseProvider.PostgreSql,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderVersion: new Version(6, 0, 7),
        IndexBuildLocking.BlocksWritesUnlessConcurrent,
        RequiredChangeCost.ScanUnderExclusiveLock,
        varcharGrowthCopiesAcrossBytes: null,
        VarcharGrowthCost.InPlace,
        renamesInPlace: true,
        timestampToTimestampTzInPlaceFromServerMajor: 12,
        isEmbedded: false,
        constantDefaultInPlaceFromServer: new Version(11, 0),
        setNotNullUsesValidatedCheckFromServer: new Version(12, 0));

    public static readonly ProviderBehaviour SqlServer = new ProviderBehaviour(
        DatabaseProvider.SqlServer,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderVersion: new Version(7, 0, 0),
        IndexBuildLocking.BlocksWritesUnlessOnline,
        RequiredChangeCost.ScanUnderSchemaLock,
        varcharGrowthCopiesAcrossBytes: null,
        VarcharGrowthCost.InPlace,
        renamesInPlace: true,
        timestampToTimestampTzInPlaceFromServerMajor: null,
        isEmbedded: false);

    public static readonly ProviderBehaviour MySql = new ProviderBehaviour(
        DatabaseProvider.MySql,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderVersion: null,
        IndexBuildLocking.Online,
        RequiredChangeCost.OnlineRebuild,
        varcharGrowthCopiesAcrossBytes: 255,
        VarcharGrowthCost.CopiesAcrossLengthPrefix,
        renamesInPlace: true,
        timestampToTimestampTzInPlaceFromServerMajor: null,
        isEmbedded: false,
        instantAddColumnFromServer: new Version(8, 0, 12));

    public static readonly ProviderBehaviour Sqlite = new ProviderBehaviour(
        DatabaseProvider.Sqlite,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderVersion: new Version(5, 0, 0),
        IndexBuildLocking.NoConcurrentWriters,
        RequiredChangeCost.TableRebuild,
        varcharGrowthCopiesAcrossBytes: null,
        VarcharGrowthCost.TableRebuild,
        renamesInPlace: true,
        timestampToTimestampTzInPlaceFromServerMajor: null,
        isEmbedded: true);

    /// <summary>No database is known: every fact is Unknown, so only provider-neutral rules speak.</summary>
    public static readonly ProviderBehaviour Unknown = new ProviderBehaviour(
        DatabaseProvider.Unknown,
        fillsNullsWhenMadeRequiredWithDefaultFromProviderVersion: null,
        IndexBuildLocking.Unknown,
        RequiredChangeCost.Unknown,
        varcharGrowthCopiesAcrossBytes: null,
        VarcharGrowthCost.Unknown,
        renamesInPlace: false,
        timestampToTimestampTzInPlaceFromServerMajor: null,
        isEmbedded: false);

    private ProviderBehaviour(
        DatabaseProvider database,
        Version? fillsNullsWhenMadeRequiredWithDefaultFromProviderVersion,
        IndexBuildLocking indexBuild,
        RequiredChangeCost makeRequired,
        int? varcharGrowthCopiesAcrossBytes,
        VarcharGrowthCost varcharGrowth,
        bool renamesInPlace,
        int? timestampToTimestampTzInPlaceFromServerMajor,
        bool isEmbedded,
        Version? constantDefaultInPlaceFromServer = null,
        Version? setNotNullUsesValidatedCheckFromServer = null,
        Version? instantAddColumnFromServer = null)
    {
        ConstantDefaultInPlaceFromServer = constantDefaultInPlaceFromServer;
        SetNotNullUsesValidatedCheckFromServer = setNotNullUsesValidatedCheckFromServer;
        InstantAddColumnFromServer = instantAddColumnFromServer;
        Database = database;
        FillsNullsWhenMadeRequiredWithDefaultFromProviderVersion = fillsNullsWhenMadeRequiredWithDefaultFromProviderVersion;
        IndexBuild = indexBuild;
        MakeRequired = makeRequired;
        VarcharGrowthCopiesAcrossBytes = varcharGrowthCopiesAcrossBytes;
        VarcharGrowth = varcharGrowth;
        RenamesInPlace = renamesInPlace;
        TimestampToTimestampTzInPlaceFromServerMajor = timestampToTimestampTzInPlaceFromServerMajor;
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

    /// <summary>A longer <c>varchar(n)</c> of the same kind.</summary>
    public VarcharGrowthCost VarcharGrowth { get; }

    /// <summary>
    /// <c>RenameColumn</c> and <c>RenameTable</c> change only the catalogue: instant, no copy, and the old name is gone
    /// at once for the code still running (SQL Server <c>sp_rename</c>, <c>RENAME COLUMN</c>/<c>RENAME TO</c> elsewhere,
    /// SQLite included: EF Core 8 emits <c>RENAME COLUMN</c>, which SQLite 3.25+ runs without a rebuild).
    /// </summary>
    public bool RenamesInPlace { get; }

    /// <summary>
    /// PostgreSQL: <c>timestamp</c> → <c>timestamptz</c> keeps the table's data in place from this server major version
    /// on when the session time zone is UTC, and rewrites the table otherwise; null where the type change does not exist.
    /// </summary>
    public int? TimestampToTimestampTzInPlaceFromServerMajor { get; }

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
    /// The first provider version whose <c>AlterColumn(nullable: false, defaultValue: …, oldNullable: true)</c> fills the
    /// existing NULLs: EF Core SQL Server 7.0 (an UPDATE), Npgsql 6.0.7 (an UPDATE, backported from 7.0), EF Core SQLite
    /// 5.0 (the table rebuild copies <c>IFNULL(col, default)</c>); null for Pomelo, whose plain <c>MODIFY … NOT NULL</c>
    /// fills nothing.
    /// </summary>
    public Version? FillsNullsWhenMadeRequiredWithDefaultFromProviderVersion { get; }

    /// <summary>
    /// Nullable → NOT NULL with a <c>defaultValue</c>: the provider's migration SQL fills the existing NULLs with the
    /// default before the constraint applies (SQL Server 7+ and Npgsql 6.0.7+ with an UPDATE, SQLite through its table
    /// rebuild); Pomelo emits a plain <c>MODIFY … NOT NULL</c>, which fails on NULL rows. A null version means a current provider.
    /// </summary>
    public bool FillsNullsWhenMadeRequiredWithDefault(Version? providerVersion = null)
        => FillsNullsWhenMadeRequiredWithDefaultFromProviderVersion is { } first
            && (providerVersion is null || Normalized(providerVersion) >= first);

    /// <summary>
    /// PostgreSQL 12+ turns <c>timestamp</c> into <c>timestamptz</c> without rewriting the table when the session time
    /// zone is UTC. A null version means a current server.
    /// </summary>
    public bool TimestampToTimestampTzIsInPlace(Version? serverVersion = null)
        => TimestampToTimestampTzInPlaceFromServerMajor is { } major && (serverVersion is null || serverVersion.Major >= major);

    /// <summary>
    /// PostgreSQL 11+: <c>ADD COLUMN … DEFAULT</c> with a non-volatile default stores the value once in the catalogue and
    /// leaves the rows alone; before, every row is rewritten. Null where the fact does not apply.
    /// </summary>
    public Version? ConstantDefaultInPlaceFromServer { get; }

    /// <summary>
    /// PostgreSQL 12+: <c>SET NOT NULL</c> skips its full-table scan when a validated <c>CHECK (col IS NOT NULL)</c>
    /// proves it, so the scan can happen earlier under <c>VALIDATE CONSTRAINT</c>, which lets writes through.
    /// </summary>
    public Version? SetNotNullUsesValidatedCheckFromServer { get; }

    /// <summary>MySQL 8.0.12+: InnoDB adds a column with <c>ALGORITHM=INSTANT</c>, a metadata change; before, it rebuilds the table.</summary>
    public Version? InstantAddColumnFromServer { get; }

    /// <summary>A non-volatile default is added without touching the rows. A null version means a current server.</summary>
    public bool AddsConstantDefaultInPlace(Version? serverVersion = null)
        => ConstantDefaultInPlaceFromServer is { } first && (serverVersion is null || Normalized(serverVersion) >= Normalized(first));

    /// <summary>SET NOT NULL can rely on a validated CHECK instead of scanning. A null version means a current server.</summary>
    public bool SetNotNullUsesValidatedCheck(Version? serverVersion = null)
        => SetNotNullUsesValidatedCheckFromServer is { } first && (serverVersion is null || Normalized(serverVersion) >= Normalized(first));

    /// <summary>ADD COLUMN is a metadata change (MySQL INSTANT). A null version means a current server.</summary>
    public bool AddsColumnInstantly(Version? serverVersion = null)
        => InstantAddColumnFromServer is { } first && (serverVersion is null || Normalized(serverVersion) >= Normalized(first));

    /// <summary>6.0 and 6.0.0 compare alike (Version treats a missing build as lower than 0).</summary>
    private static Version Normalized(Version version)
        => new Version(version.Major, version.Minor, Math.Max(version.Build, 0));

    public override string ToString() => Database.ToString();
}
