using System.Globalization;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// Decides whether changing a column from one type to another is safe on a database: the per-database list of changes
/// that only touch metadata (after strong_migrations), everything else either narrows (values can be lost or the
/// migration fails) or rewrites the table under a lock. Returns null for a safe change, else the reason.
/// Narrowing is reported on any server database, the target unknown included; a rewrite only where the target is
/// known and others wait for its lock (<paramref name="rewritesMatter"/>: a rolling deployment). SQLite enforces no
/// lengths or sizes and EF Core rebuilds its tables locally: nothing to report there.
/// </summary>
public static class TypeChangeSafety
{
    public static string? Check(ColumnType old, ColumnType @new, TargetDatabase database)
        => Check(old, @new, database, rewritesMatter: database.IsKnown);

    public static string? Check(ColumnType old, ColumnType @new, TargetDatabase database, bool rewritesMatter)
    {
        if (database.Is(DatabaseProvider.Sqlite))
        {
            return null;
        }

        var reason = CheckAny(old, @new, database);
        return reason is not null && !rewritesMatter && IsRewriteOnly(reason) ? null : reason;
    }

    /// <summary>A reason that is only about the rewrite's lock, not about values lost or a failing migration.</summary>
    private static bool IsRewriteOnly(string reason)
        => !reason.Contains("fails") && !reason.Contains("loses") && !reason.Contains("drops the fractional") && !reason.Contains("rounds");

    private static string? CheckAny(ColumnType old, ColumnType @new, TargetDatabase database)
    {
        if (old.Family != @new.Family)
        {
            return ChangeOfFamily(old, @new, database);
        }

        return old.Family switch
        {
            TypeFamily.Text or TypeFamily.Binary => TextChange(old, @new, database),
            TypeFamily.Integer or TypeFamily.Float => SizeChange(old, @new, database),
            TypeFamily.Decimal => DecimalChange(old, @new, database),
            _ => OtherChange(old, @new, database),
        };
    }

    private static string? ChangeOfFamily(ColumnType old, ColumnType @new, TargetDatabase database)
    {
        if (old.Family is TypeFamily.Unknown || @new.Family is TypeFamily.Unknown)
        {
            return null;
        }

        if (old.Family == TypeFamily.Text)
        {
            return $"changing it from {old} to {Describe(@new)} fails on the first value that does not convert and rewrites the table";
        }

        if ((old.Family is TypeFamily.Decimal or TypeFamily.Float) && @new.Family == TypeFamily.Integer)
        {
            return $"changing it from {old} to {Describe(@new)} drops the fractional part of every value";
        }

        if (database.Is(DatabaseProvider.Sqlite))
        {
            // SQLite stores any value in any column; EF Core rebuilds the table, which is local and quick.
            return null;
        }

        return $"changing it from {old} to {Describe(@new)} rewrites the whole table while holding a lock";
    }

    private static string? TextChange(ColumnType old, ColumnType @new, TargetDatabase database)
    {
        var kind = old.Family == TypeFamily.Text ? "characters" : "bytes";
        var shorter = @new.Length is { } newLength && (old.IsUnlimited || (old.Length is { } oldLength && newLength < oldLength));
        if (shorter && !database.Is(DatabaseProvider.Sqlite))
        {
            return $"shortening it from {LengthText(old)} to {@new.Length} {kind} fails on (or truncates) longer values and scans the whole table";
        }

        if (old.BaseName is not null && @new.BaseName is not null && old.BaseName != @new.BaseName)
        {
            return TextKindChange(old, @new, database);
        }

        // Same kind of text, same or longer limit. MySQL keeps a varchar in place only while its length prefix stays
        // one byte (up to 255 bytes: 63 utf8mb4 characters) or stays two.
        if (database.Behaviour.VarcharGrowthCopiesAcrossBytes is { } boundary && old.Length is { } before && @new.Length is { } after
            && OneBytePrefix(before, boundary) != OneBytePrefix(after, boundary))
        {
            return $"lengthening it from {before} to {after} {kind} crosses MySQL's {boundary}-byte length prefix (4 bytes per utf8mb4 character), so InnoDB copies the whole table";
        }

        return null;
    }

    private static string? TextKindChange(ColumnType old, ColumnType @new, TargetDatabase database)
    {
        var names = old.BaseName + " → " + @new.BaseName;
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql when names is "varchar → text" or "text → varchar" && (@new.IsUnlimited || !old.IsUnlimited):
            case DatabaseProvider.Sqlite:
                return null;
            case DatabaseProvider.SqlServer when names is "nvarchar → varchar" or "nchar → char":
                return $"changing it from {old} to {@new} loses every character outside the code page and rewrites the table";
        }

        return $"changing it from {old} to {@new} rewrites the whole table while holding a lock";
    }

    private static string? SizeChange(ColumnType old, ColumnType @new, TargetDatabase database)
    {
        if (old.Size == 0 || @new.Size == 0 || old.Size == @new.Size)
        {
            return null;
        }

        if (@new.Size < old.Size)
        {
            return $"narrowing it from {Describe(old)} to {Describe(@new)} fails on values that do not fit";
        }

        return database.Is(DatabaseProvider.Sqlite)
            ? null
            : $"widening it from {Describe(old)} to {Describe(@new)} rewrites the whole table while holding a lock";
    }

    private static string? DecimalChange(ColumnType old, ColumnType @new, TargetDatabase database)
    {
        if (old.Precision is null && @new.Precision is null)
        {
            return null;
        }

        if (old.Precision is null)
        {
            return $"constraining it to {@new} fails on (or rounds) values that do not fit";
        }

        if (@new.Precision is null)
        {
            // An unconstrained numeric takes any value: PostgreSQL changes only the metadata.
            return database.Provider is DatabaseProvider.PostgreSql or DatabaseProvider.Sqlite or DatabaseProvider.Unknown
                ? null
                : $"changing it from {old} to {@new} rewrites the whole table while holding a lock";
        }

        var oldPrecision = old.Precision.Value;
        var newPrecision = @new.Precision.Value;
        var oldScale = old.Scale ?? 0;
        var newScale = @new.Scale ?? 0;
        if (newPrecision < oldPrecision || newScale < oldScale || newPrecision - newScale < oldPrecision - oldScale)
        {
            return $"narrowing it from {old} to {@new} fails on (or rounds) values that do not fit";
        }

        if (newPrecision == oldPrecision && newScale == oldScale)
        {
            return null;
        }

        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql when newScale == oldScale:
            case DatabaseProvider.Sqlite:
            case DatabaseProvider.Unknown:
                return null;
            case DatabaseProvider.SqlServer when newScale == oldScale && SqlServerDecimalBytes(oldPrecision) == SqlServerDecimalBytes(newPrecision):
                return null;
        }

        return $"changing it from {old} to {@new} rewrites the whole table while holding a lock";
    }

    private static string? OtherChange(ColumnType old, ColumnType @new, TargetDatabase database)
    {
        if (old.BaseName is null || @new.BaseName is null || old.BaseName == @new.BaseName || database.Is(DatabaseProvider.Sqlite))
        {
            return null;
        }

        // PostgreSQL 12+ converts timestamp to timestamptz without a rewrite when the session time zone is UTC.
        if (database.Is(DatabaseProvider.PostgreSql) && database.IsAtLeast(12) && old.BaseName == "timestamp" && @new.BaseName == "timestamptz")
        {
            return null;
        }

        return $"changing it from {old} to {@new} rewrites the whole table while holding a lock";
    }

    /// <summary>utf8mb4 takes up to 4 bytes per character: varchar(63) fits a one-byte length prefix, varchar(64) does not.</summary>
    private static bool OneBytePrefix(int characters, int boundary) => (long)characters * 4 <= boundary;

    private static int SqlServerDecimalBytes(int precision) => precision <= 9 ? 5 : precision <= 19 ? 9 : precision <= 28 ? 13 : 17;

    private static string LengthText(ColumnType type) => type.IsUnlimited ? "unlimited" : type.Length?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Describe(ColumnType type)
        => type.BaseName is not null || type.Precision is not null ? type.ToString()
            : type.Family is TypeFamily.Integer or TypeFamily.Float ? (type.Size * 8).ToString(CultureInfo.InvariantCulture) + "-bit " + (type.Family == TypeFamily.Integer ? "integer" : "float")
            : type.Family.ToString().ToLowerInvariant();
}
