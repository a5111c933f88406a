using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>Counts a history's migrations for the results table: distinct IDs or versions in <c>[Migration(...)]</c> attributes
/// (EF Core puts the attribute on the Designer file or, for a hand-written migration, on the class itself).</summary>
public static class MigrationCounter
{
    private static readonly Regex MigrationAttribute = new(@"\[\s*(?:[\w.]+\.)?Migration(?:Attribute)?\s*\(\s*""?(?<id>[^"",)\s]+)", RegexOptions.Compiled);

    public static int Count(IEnumerable<HistorySource> sources)
        => sources
            .SelectMany(source => MigrationAttribute.Matches(source.Text).Select(match => match.Groups["id"].Value))
            .Distinct(StringComparer.Ordinal)
            .Count();
}
