using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>The identity of a migration a fix adds: class name, position, and for EF Core the full ID.</summary>
internal sealed class NewMigrationId
{
    public NewMigrationId(string className, long position, string? efId)
    {
        ClassName = className;
        Position = position;
        EfId = efId;
    }

    public string ClassName { get; }

    /// <summary>EF Core: the timestamp <c>yyyyMMddHHmmss</c>; FluentMigrator: the version.</summary>
    public long Position { get; }

    /// <summary>EF Core: <c>&lt;timestamp&gt;_&lt;ClassName&gt;</c>; null for FluentMigrator.</summary>
    public string? EfId { get; }

    /// <summary>What the file of the new migration is called when it gets one of its own.</summary>
    public string FileNameLike(string originalFileName, MigrationInfo original)
    {
        var name = originalFileName;
        if (EfId is not null && original.Id is { } id && name.IndexOf(id, StringComparison.Ordinal) >= 0)
        {
            return name.Replace(id, EfId);
        }

        if (name.IndexOf(original.Name, StringComparison.Ordinal) >= 0)
        {
            // 0042_AddUsers.cs -> 0043_AddUsersData.cs: the version and the name, where the file carries them.
            name = name.Replace(original.Name, ClassName);
            if (original.Position is { } position)
            {
                name = name.Replace(position.ToString(CultureInfo.InvariantCulture), Position.ToString(CultureInfo.InvariantCulture));
            }

            return name;
        }

        return ClassName + ".cs";
    }
}

/// <summary>
/// Chooses IDs for migrations that must run directly after an existing one: EF Core timestamps one second apart,
/// FluentMigrator versions one apart, skipping any already taken. When a migration of the same history already sits
/// between the original and a free ID, the new migrations would not run directly after it, and nothing is returned.
/// </summary>
internal static class NewMigrationIds
{
    public static IReadOnlyList<NewMigrationId>? After(MigrationCatalog catalog, MigrationInfo original, IReadOnlyList<string> baseNames, Compilation compilation)
    {
        if (original.Position is not { } start || original.Id is null)
        {
            return null;
        }

        var taken = new HashSet<long>();
        foreach (var other in catalog.All)
        {
            if (other.Framework != original.Framework || other.Position is not { } position)
            {
                continue;
            }

            taken.Add(position);

            // EF Core orders by the whole ID: another migration with the same timestamp and a later name runs in between.
            if (position == start && other.SharesHistoryWith(original) && !SymbolEqualityComparer.Default.Equals(other.Symbol, original.Symbol)
                && string.CompareOrdinal(other.Id, original.Id) > 0)
            {
                return null;
            }
        }

        var result = new List<NewMigrationId>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var current = start;
        foreach (var baseName in baseNames)
        {
            do
            {
                var next = Next(current, original.Framework);
                if (next is null)
                {
                    return null;
                }

                current = next.Value;
            }
            while (taken.Contains(current));

            taken.Add(current);
            var className = FreeClassName(compilation, original.Symbol.ContainingNamespace, baseName, usedNames);
            usedNames.Add(className);
            var efId = original.Framework == MigrationFramework.EntityFrameworkCore
                ? current.ToString(CultureInfo.InvariantCulture) + "_" + className
                : null;
            result.Add(new NewMigrationId(className, current, efId));
        }

        foreach (var other in catalog.Later(original))
        {
            if (other.Position is { } position && position > start && position < current)
            {
                return null;
            }
        }

        return result;
    }

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

    private static string FreeClassName(Compilation compilation, INamespaceSymbol ns, string baseName, HashSet<string> usedNames)
    {
        var prefix = ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString() + ".";
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? baseName : baseName + suffix.ToString(CultureInfo.InvariantCulture);
            if (!usedNames.Contains(candidate) && compilation.GetTypeByMetadataName(prefix + candidate) is null)
            {
                return candidate;
            }
        }
    }
}
