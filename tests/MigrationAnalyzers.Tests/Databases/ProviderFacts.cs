using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MigrationAnalyzers.Databases;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// The facts <see cref="ProviderBehaviour"/> holds, one per public member, each with the operation it is about and the
/// words rules/databases.md uses for its value. A member added to <see cref="ProviderBehaviour"/> without an entry here
/// fails <see cref="ProviderBehaviourSqlTests.Every_member_of_ProviderBehaviour_is_a_proven_fact"/>.
/// </summary>
public static class ProviderFacts
{
    public sealed record Fact(string Member, string Operation, Func<ProviderBehaviour, object?> Read, Func<ProviderBehaviour, string?> Describe)
    {
        public override string ToString() => Member;
    }

    public const string FillsNulls = nameof(ProviderBehaviour.FillsNullsWhenMadeRequiredWithDefault);
    public const string FillsNullsFrom = nameof(ProviderBehaviour.FillsNullsWhenMadeRequiredWithDefaultFromProviderVersion);
    public const string IndexBuild = nameof(ProviderBehaviour.IndexBuild);
    public const string MakeRequired = nameof(ProviderBehaviour.MakeRequired);
    public const string VarcharGrowth = nameof(ProviderBehaviour.VarcharGrowth);
    public const string VarcharPrefix = nameof(ProviderBehaviour.VarcharGrowthCopiesAcrossBytes);
    public const string Renames = nameof(ProviderBehaviour.RenamesInPlace);
    public const string TimestampTz = nameof(ProviderBehaviour.TimestampToTimestampTzInPlaceFromServerMajor);
    public const string TimestampTzIsInPlace = nameof(ProviderBehaviour.TimestampToTimestampTzIsInPlace);
    public const string Embedded = nameof(ProviderBehaviour.IsEmbedded);
    public const string ConstantDefault = nameof(ProviderBehaviour.AddsConstantDefaultInPlace);
    public const string ConstantDefaultFrom = nameof(ProviderBehaviour.ConstantDefaultInPlaceFromServer);
    public const string NotNullFromCheck = nameof(ProviderBehaviour.SetNotNullUsesValidatedCheck);
    public const string NotNullFromCheckFrom = nameof(ProviderBehaviour.SetNotNullUsesValidatedCheckFromServer);
    public const string InstantAddColumn = nameof(ProviderBehaviour.AddsColumnInstantly);
    public const string InstantAddColumnFrom = nameof(ProviderBehaviour.InstantAddColumnFromServer);

    /// <summary>The facts in page order. Members that only refine another fact have no words of their own (null).</summary>
    public static readonly IReadOnlyList<Fact> All = new[]
    {
        new Fact(FillsNulls, "nullable → NOT NULL with `defaultValue`", b => b.FillsNullsWhenMadeRequiredWithDefault(), DescribeFillsNulls),
        new Fact(FillsNullsFrom, "nullable → NOT NULL with `defaultValue`", b => b.FillsNullsWhenMadeRequiredWithDefaultFromProviderVersion, _ => null),
        new Fact(IndexBuild, "`CreateIndex` on a table in use", b => b.IndexBuild, b => Describe(b.IndexBuild)),
        new Fact(MakeRequired, "nullable → NOT NULL, same type", b => b.MakeRequired, b => Describe(b.MakeRequired)),
        new Fact(VarcharGrowth, "longer `varchar(n)`", b => b.VarcharGrowth, DescribeVarcharGrowth),
        new Fact(VarcharPrefix, "longer `varchar(n)`", b => b.VarcharGrowthCopiesAcrossBytes, _ => null),
        new Fact(Renames, "`RenameColumn` / `RenameTable`", b => b.RenamesInPlace, b => b.RenamesInPlace ? "in place (catalogue only): instant, and the old name is gone at once for the code still running" : "unknown"),
        new Fact(TimestampTz, "`timestamp` → `timestamptz`", b => b.TimestampToTimestampTzInPlaceFromServerMajor, DescribeTimestampTz),
        new Fact(TimestampTzIsInPlace, "`timestamp` → `timestamptz`", b => b.TimestampToTimestampTzIsInPlace(), _ => null),
        new Fact(ConstantDefault, "`AddColumn` with a constant `defaultValue`", b => b.AddsConstantDefaultInPlace(), DescribeConstantDefault),
        new Fact(ConstantDefaultFrom, "`AddColumn` with a constant `defaultValue`", b => b.ConstantDefaultInPlaceFromServer, _ => null),
        new Fact(NotNullFromCheck, "nullable → NOT NULL after a validated `CHECK (col IS NOT NULL)`", b => b.SetNotNullUsesValidatedCheck(), DescribeNotNullFromCheck),
        new Fact(NotNullFromCheckFrom, "nullable → NOT NULL after a validated `CHECK (col IS NOT NULL)`", b => b.SetNotNullUsesValidatedCheckFromServer, _ => null),
        new Fact(InstantAddColumn, "`AddColumn`", b => b.AddsColumnInstantly(), DescribeInstantAddColumn),
        new Fact(InstantAddColumnFrom, "`AddColumn`", b => b.InstantAddColumnFromServer, _ => null),
        new Fact(Embedded, "the database itself", b => b.IsEmbedded, b => b.IsEmbedded ? "embedded in the application's process: nothing else writes while it migrates" : "a server that other processes (other instances, jobs) write to while it migrates"),
    };

    /// <summary>The rows of the table, as <see cref="ProviderBehaviour"/> declares them (every public static field).</summary>
    public static IReadOnlyList<ProviderBehaviour> Rows { get; } = typeof(ProviderBehaviour)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(ProviderBehaviour))
        .Select(field => (ProviderBehaviour)field.GetValue(null)!)
        .ToArray();

    /// <summary>The rows for a known database, in page order.</summary>
    public static IReadOnlyList<ProviderBehaviour> KnownRows { get; } = Rows.Where(row => row.Database != DatabaseProvider.Unknown).ToArray();

    /// <summary>Every public member of <see cref="ProviderBehaviour"/> that states a fact (not Database, Of, ToString, object's).</summary>
    public static IReadOnlyList<string> DeclaredMembers { get; } = typeof(ProviderBehaviour)
        .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(member => member is PropertyInfo || (member is MethodInfo method && !method.IsSpecialName))
        .Select(member => member.Name)
        .Where(name => name is not (nameof(ProviderBehaviour.Database) or nameof(ToString)))
        .Distinct()
        .ToArray();

    public static string DatabaseName(DatabaseProvider database)
        => database switch
        {
            DatabaseProvider.PostgreSql => "PostgreSQL",
            DatabaseProvider.SqlServer => "SQL Server",
            DatabaseProvider.MySql => "MySQL",
            DatabaseProvider.Sqlite => "SQLite",
            _ => database.ToString(),
        };

    private static string DescribeFillsNulls(ProviderBehaviour behaviour)
        => behaviour.FillsNullsWhenMadeRequiredWithDefaultFromProviderVersion is { } from
            ? $"the NULLs get the default before NOT NULL applies (provider {from.ToString(2)}{(from.Build > 0 ? "." + from.Build : "")}+)"
            : "nothing fills the NULLs: the statement fails on a NULL row (strict mode)";

    private static string Describe(IndexBuildLocking locking)
        => locking switch
        {
            IndexBuildLocking.BlocksWritesUnlessConcurrent => "writes wait for the whole build; `CONCURRENTLY` (outside the transaction) lets them through",
            IndexBuildLocking.BlocksWritesUnlessOnline => "writes wait for the whole build; `ONLINE = ON` (editions that have it) lets them through",
            IndexBuildLocking.Online => "InnoDB builds a secondary index online: concurrent writes go through",
            IndexBuildLocking.NoConcurrentWriters => "nothing else writes meanwhile (embedded)",
            _ => "unknown",
        };

    private static string Describe(RequiredChangeCost cost)
        => cost switch
        {
            RequiredChangeCost.ScanUnderExclusiveLock => "scans the whole table under `ACCESS EXCLUSIVE`: reads and writes wait",
            RequiredChangeCost.ScanUnderSchemaLock => "checks every row under a schema-modification lock: reads and writes wait",
            RequiredChangeCost.OnlineRebuild => "InnoDB rebuilds the table in place, concurrent writes allowed; fails on a NULL row (strict mode)",
            RequiredChangeCost.TableRebuild => "copies the table into a new one (nothing else writes meanwhile)",
            _ => "unknown",
        };

    private static string DescribeVarcharGrowth(ProviderBehaviour behaviour)
        => behaviour.VarcharGrowth switch
        {
            VarcharGrowthCost.InPlace => "in place (catalogue only): no row is read",
            VarcharGrowthCost.CopiesAcrossLengthPrefix => $"in place while the byte length stays on one side of {behaviour.VarcharGrowthCopiesAcrossBytes} bytes; crossing it (e.g. `varchar(63)` → `varchar(64)` in `utf8mb4`) copies the table",
            VarcharGrowthCost.TableRebuild => "copies the table into a new one (SQLite does not enforce the length)",
            _ => "unknown",
        };

    private static string? DescribeTimestampTz(ProviderBehaviour behaviour)
        => behaviour.TimestampToTimestampTzInPlaceFromServerMajor is { } major
            ? $"in place from PostgreSQL {major} when the session time zone is UTC; otherwise rewrites the table under `ACCESS EXCLUSIVE`"
            : null;

    private static string? DescribeConstantDefault(ProviderBehaviour behaviour)
        => behaviour.ConstantDefaultInPlaceFromServer is { } from
            ? $"catalogue only from PostgreSQL {ServerVersion(from)} (no rewrite): the existing rows read the default; a constant or stable default "
                + "(`0`, `now()`) qualifies, a volatile `defaultValueSql` (`random()`, `clock_timestamp()`) still rewrites the table under `ACCESS EXCLUSIVE`; "
                + "older servers rewrite the table for any non-null default"
            : null;

    private static string? DescribeNotNullFromCheck(ProviderBehaviour behaviour)
        => behaviour.SetNotNullUsesValidatedCheckFromServer is { } from
            ? $"from PostgreSQL {ServerVersion(from)} `SET NOT NULL` trusts the validated check and skips its scan, so `ACCESS EXCLUSIVE` is held only briefly; "
                + "the scan happens earlier in `VALIDATE CONSTRAINT` under `SHARE UPDATE EXCLUSIVE`, which lets reads and writes through; "
                + "a check still `NOT VALID` proves nothing, and older servers always scan"
            : null;

    private static string? DescribeInstantAddColumn(ProviderBehaviour behaviour)
        => behaviour.InstantAddColumnFromServer is { } from
            ? $"InnoDB adds the column with `ALGORITHM=INSTANT` from MySQL {ServerVersion(from)} (metadata only: no rebuild, concurrent writes go through; "
                + "before 8.0.29 only as the last column, where Pomelo's `ADD` puts it; not on a table with a `FULLTEXT` index or `ROW_FORMAT=COMPRESSED`); "
                + "older servers rebuild the table in place"
            : null;

    /// <summary>11, 12, 8.0.12: the version as release notes name it.</summary>
    private static string ServerVersion(Version version)
        => version.Build > 0 ? version.ToString(3) : version.Minor > 0 ? version.ToString(2) : version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
