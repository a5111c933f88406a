using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MigrationAnalyzers.RulePacks;

/// <summary>Comma-separated bounds such as <c>&gt;= 3.0, &lt; 7.0</c>; every bound must hold. Empty means any version.</summary>
public sealed class VersionRange
{
    private readonly ImmutableArray<(string Operator, Version Version)> _bounds;

    private VersionRange(ImmutableArray<(string, Version)> bounds)
    {
        _bounds = bounds;
    }

    /// <summary>Each bound: <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c> or <c>=</c>, and its version.</summary>
    internal ImmutableArray<(string Operator, Version Version)> Bounds => _bounds;

    public static VersionRange Any { get; } = new VersionRange(ImmutableArray<(string, Version)>.Empty);

    /// <summary>The bounds as a pack writes them (<c>&gt;= 3.0, &lt; 7.0</c>); <c>any</c> when there are none.</summary>
    public override string ToString()
        => _bounds.IsEmpty ? "any" : string.Join(", ", System.Linq.Enumerable.Select(_bounds, bound => bound.Operator + " " + bound.Version));

    public bool Contains(Version version)
    {
        foreach (var (op, bound) in _bounds)
        {
            var compared = version.CompareTo(bound);
            var holds = op switch
            {
                ">=" => compared >= 0,
                ">" => compared > 0,
                "<=" => compared <= 0,
                "<" => compared < 0,
                _ => compared == 0,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the bounds; <paramref name="parseVersion"/> turns the text after the operator into a version (or null).</summary>
    public static VersionRange? Parse(string text, Func<string, Version?> parseVersion, out string? error)
    {
        error = null;
        var bounds = new List<(string, Version)>();
        foreach (var part in text.Split(','))
        {
            var bound = part.Trim();
            if (bound.Length == 0)
            {
                continue;
            }

            var op = bound.StartsWith(">=", StringComparison.Ordinal) || bound.StartsWith("<=", StringComparison.Ordinal) ? bound.Substring(0, 2)
                : bound.StartsWith(">", StringComparison.Ordinal) || bound.StartsWith("<", StringComparison.Ordinal) || bound.StartsWith("=", StringComparison.Ordinal) ? bound.Substring(0, 1)
                : null;
            if (op is null)
            {
                error = "expected a bound such as '>= 3.0' or '< 7.0', found '" + bound + "'";
                return null;
            }

            var version = parseVersion(bound.Substring(op.Length).Trim());
            if (version is null)
            {
                error = "cannot read the version in '" + bound + "'";
                return null;
            }

            bounds.Add((op, version));
        }

        return bounds.Count == 0 ? Any : new VersionRange(bounds.ToImmutableArray());
    }

    /// <summary>1, 1.2, 1.2.3 or 1.2.3.4; prerelease suffixes are ignored.</summary>
    public static Version? ParseVersion(string text)
    {
        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            text = text.Substring(0, dash);
        }

        if (text.IndexOf('.') < 0)
        {
            text += ".0";
        }

        return Version.TryParse(text, out var version) ? version : null;
    }
}
