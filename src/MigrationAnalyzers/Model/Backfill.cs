using System;
using System.Text.RegularExpressions;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Whether a migration fills a column's NULLs before an operation that makes it NOT NULL: an <c>UpdateData</c> /
/// <c>Update.Table</c> on the table, or raw SQL that updates it. SQL or code the analyzers cannot read counts as a
/// possible backfill, so rules stay silent rather than guess.
/// </summary>
public static class Backfill
{
    public static bool Before(MigrationBody body, MigrationOperation operation)
    {
        if (operation.Table is not { } table)
        {
            return true;
        }

        foreach (var statement in body.UnrecognizedStatements)
        {
            if (statement.SpanStart < operation.Syntax.SpanStart)
            {
                return true;
            }
        }

        foreach (var earlier in body.Operations)
        {
            if (ReferenceEquals(earlier, operation))
            {
                break;
            }

            switch (earlier.Kind)
            {
                case OperationKind.Unknown or OperationKind.OpaqueScript:
                    return true;
                case OperationKind.UpdateData when earlier.Table is null || TableName.Matches(earlier.Schema, earlier.Table, operation.Schema, table):
                    return true;
                case OperationKind.Sql when earlier.SqlText is not { } sql || UpdatesTable(sql, table):
                    return true;
            }
        }

        return false;
    }

    /// <summary><c>UPDATE "Users"</c>, <c>UPDATE [dbo].[Users]</c>, <c>update users</c> …</summary>
    private static bool UpdatesTable(string sql, string table)
        => Regex.IsMatch(
            sql,
            @"\bUPDATE\s+(?:[\[""`]?\w+[\]""`]?\s*\.\s*)?[\[""`]?" + Regex.Escape(table) + @"[\]""`]?(?:\s|$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
