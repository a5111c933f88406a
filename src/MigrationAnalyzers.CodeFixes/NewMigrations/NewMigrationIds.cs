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
/// Chooses IDs for migrations that must run directly after an existing one: the positions from
/// <see cref="FollowingPositions"/>, and class names that are still free. Null when there is no room right after it.
/// </summary>
internal static class NewMigrationIds
{
    public static IReadOnlyList<NewMigrationId>? After(MigrationCatalog catalog, MigrationInfo original, IReadOnlyList<string> baseNames, Compilation compilation)
    {
        if (FollowingPositions.After(catalog, original, baseNames.Count) is not { } positions)
        {
            return null;
        }

        var result = new List<NewMigrationId>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < baseNames.Count; index++)
        {
            var className = FreeClassName(compilation, original.Symbol.ContainingNamespace, baseNames[index], usedNames);
            usedNames.Add(className);
            var efId = original.Framework == MigrationFramework.EntityFrameworkCore
                ? positions[index].ToString(CultureInfo.InvariantCulture) + "_" + className
                : null;
            result.Add(new NewMigrationId(className, positions[index], efId));
        }

        return result;
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
