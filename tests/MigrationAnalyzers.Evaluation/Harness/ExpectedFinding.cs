using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>How a reviewer judged a diagnostic (or a problem no diagnostic reports).</summary>
public enum Verdict
{
    /// <summary>A real problem: a maintainer who knows the database and the deployment would change the migration or suppress consciously.</summary>
    True,

    /// <summary>Reported, but the claim is wrong.</summary>
    False,

    /// <summary>Reported and perhaps right, but not worth the maintainer's time, or a duplicate.</summary>
    Noise,

    /// <summary>A real problem that no diagnostic reports.</summary>
    Missed,
}

/// <summary>One line of expected.tsv: <c>ID  path:line  verdict  reason</c>, tab-separated.</summary>
public sealed record ExpectedFinding(string Id, string Path, int Line, Verdict Verdict, string Reason, int TsvLine)
{
    public DiagnosticKey Key => new(Id, Path, Line);

    /// <summary>Whether the analyzers should report this line: everything but <see cref="Verdict.Missed"/>.</summary>
    public bool ExpectsReport => Verdict != Verdict.Missed;
}

/// <summary>Where a diagnostic is: its ID, the file as expected.tsv names it and the 1-based line it starts on.</summary>
public readonly record struct DiagnosticKey(string Id, string Path, int Line)
{
    public override string ToString() => $"{Id}\t{Path}:{Line.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Reads expected.tsv. Blank lines and lines starting with '#' are skipped; anything else malformed is an error
/// with its line number, so a typo never silently drops a judgement.</summary>
public static class ExpectedTsv
{
    public static ImmutableArray<ExpectedFinding> Read(string path)
        => File.Exists(path) ? Parse(File.ReadAllText(path), path) : ImmutableArray<ExpectedFinding>.Empty;

    public static ImmutableArray<ExpectedFinding> Parse(string text, string fileName = ExpectedFileNameForMessages)
    {
        var findings = ImmutableArray.CreateBuilder<ExpectedFinding>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            findings.Add(ParseLine(line, fileName, index + 1));
        }

        return findings.ToImmutable();
    }

    private const string ExpectedFileNameForMessages = "expected.tsv";

    private static ExpectedFinding ParseLine(string line, string fileName, int lineNumber)
    {
        var columns = line.Split('\t');
        if (columns.Length < 3)
        {
            throw Error(fileName, lineNumber, "expected 'ID<TAB>path:line<TAB>verdict<TAB>reason'", line);
        }

        var id = columns[0].Trim();
        if (id.Length == 0)
        {
            throw Error(fileName, lineNumber, "the diagnostic ID is empty", line);
        }

        var location = columns[1].Trim();
        var colon = location.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(location.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sourceLine)
            || sourceLine < 1)
        {
            throw Error(fileName, lineNumber, "the location must be 'path:line' with a 1-based line", line);
        }

        var verdict = ParseVerdict(columns[2].Trim())
            ?? throw Error(fileName, lineNumber, "the verdict must be true, false, noise or missed", line);
        var reason = columns.Length > 3 ? string.Join("\t", columns, 3, columns.Length - 3).Trim() : "";
        var path = location.Substring(0, colon).Trim().Replace('\\', '/');
        return new ExpectedFinding(id, path, sourceLine, verdict, reason, lineNumber);
    }

    private static Verdict? ParseVerdict(string text) => text.ToLowerInvariant() switch
    {
        "true" => Verdict.True,
        "false" => Verdict.False,
        "noise" => Verdict.Noise,
        "missed" => Verdict.Missed,
        _ => null,
    };

    private static FormatException Error(string fileName, int lineNumber, string problem, string line)
        => new($"{fileName}:{lineNumber}: {problem}; found '{line}'");

    /// <summary>The line a reviewer pastes into expected.tsv for an unjudged diagnostic (verdict '?' to be replaced).</summary>
    public static string PasteLine(DiagnosticKey key, string message) => $"{key}\t?\t{message.Replace('\t', ' ').Replace('\n', ' ').Replace("\r", "")}";
}
