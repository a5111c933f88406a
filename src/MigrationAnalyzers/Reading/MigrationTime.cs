using System;
using System.Globalization;

namespace MigrationAnalyzers.Reading;

/// <summary>When a migration was written, read from its position: EF Core's <c>yyyyMMddHHmmss</c>, or a FluentMigrator version that is a date.</summary>
public static class MigrationTime
{
    /// <summary>
    /// The date of the migration: 14 digits (<c>yyyyMMddHHmmss</c>), 12 (<c>yyyyMMddHHmm</c>) or 8 (<c>yyyyMMdd</c>).
    /// Null for versions that are not dates (1, 2, 3 …).
    /// </summary>
    public static DateTime? Of(MigrationInfo migration)
    {
        if (migration.Position is not { } position)
        {
            return null;
        }

        var text = position.ToString(CultureInfo.InvariantCulture);
        var format = text.Length switch
        {
            14 => "yyyyMMddHHmmss",
            12 => "yyyyMMddHHmm",
            8 => "yyyyMMdd",
            _ => null,
        };
        return format is not null && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>Whole days from <paramref name="earlier"/> to <paramref name="later"/>; null when either is not a date.</summary>
    public static int? DaysBetween(MigrationInfo earlier, MigrationInfo later)
        => Of(earlier) is { } start && Of(later) is { } end ? (int)Math.Floor((end - start).TotalDays) : null;
}
