using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Where migrations that must run directly after an existing one go: EF Core timestamps one second apart, FluentMigrator
/// versions one apart, skipping any position already taken. The fixes that write such migrations take their positions
/// from here, and the rules ask the same question to say in their message why such a fix is not offered.
/// </summary>
public static class FollowingPositions
{
    /// <summary>
    /// The next <paramref name="count"/> free positions after <paramref name="original"/>; null when it has no position,
    /// or when a migration of the same history would run in between (so the new ones would not run directly after it).
    /// </summary>
    public static IReadOnlyList<long>? After(MigrationCatalog catalog, MigrationInfo original, int count)
    {
        if (original.Position is not { } start || original.Id is null)
        {
            return null;
        }

        // EF Core orders by the whole ID: another migration with the same timestamp and a later name runs in between.
        foreach (var other in catalog.AtPosition(original.Framework, start))
        {
            if (other.SharesHistoryWith(original) && !SymbolEqualityComparer.Default.Equals(other.Symbol, original.Symbol)
                && string.CompareOrdinal(other.Id, original.Id) > 0)
            {
                return null;
            }
        }

        var result = new List<long>(count);
        var current = start;
        for (var index = 0; index < count; index++)
        {
            do
            {
                if (Next(current, original.Framework) is not { } next)
                {
                    return null;
                }

                current = next;
            }
            while (catalog.AtPosition(original.Framework, current).Count > 0);

            result.Add(current);
        }

        // Later comes in history order, by position: the first one at or past the last new position ends the search.
        foreach (var other in catalog.Later(original))
        {
            if (other.Position is not { } position)
            {
                continue;
            }

            if (position >= current)
            {
                break;
            }

            if (position > start)
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>Why <see cref="After"/> finds no room, in words for a diagnostic message.</summary>
    public const string NoRoom = "another migration of this history runs right after this one, so the new migrations the fix writes could not run directly after it";

    private static long? Next(long position, MigrationFramework framework)
    {
        if (framework != MigrationFramework.EntityFrameworkCore)
        {
            return position == long.MaxValue ? null : position + 1;
        }

        if (!DateTime.TryParseExact(position.ToString(CultureInfo.InvariantCulture), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
        {
            return null;
        }

        return long.Parse(timestamp.AddSeconds(1).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
