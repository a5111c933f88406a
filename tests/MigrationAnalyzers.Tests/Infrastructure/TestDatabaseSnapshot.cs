using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>The text of <see cref="ITestDatabase.Snapshot"/>, the same shape for every engine.</summary>
internal static class TestDatabaseSnapshot
{
    public static void Append(StringBuilder text, string table, IReadOnlyList<(string Name, bool Nullable)> columns, IEnumerable<string> indexes, IEnumerable<string> rows)
    {
        text.Append("table ").AppendLine(table);
        foreach (var (name, nullable) in columns)
        {
            text.Append("  column ").Append(name).AppendLine(nullable ? " null" : " not null");
        }

        foreach (var index in indexes)
        {
            text.Append("  index ").AppendLine(index);
        }

        // Rows sorted as text: their order on disk is not part of what a migration keeps.
        foreach (var row in rows.OrderBy(row => row, System.StringComparer.Ordinal))
        {
            text.Append("  row ").AppendLine(row);
        }
    }
}
