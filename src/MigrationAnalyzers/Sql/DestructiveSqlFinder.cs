using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Finds the statements of a SQL text that destroy data: DROP TABLE, ALTER TABLE … DROP COLUMN, TRUNCATE, and
/// DELETE or UPDATE without a top-level WHERE (a WHERE inside a subquery does not limit the outer statement).
/// Works on <see cref="SqlTokenizer"/> tokens, so keywords in comments, strings and quoted names never count.
/// Deliberately quiet: tables created earlier in the same text, SQL Server temp tables (<c>#t</c>), and bounded
/// batches (<c>DELETE TOP (n)</c>, <c>LIMIT</c>) are not reported. PostgreSQL <c>DO $$ … $$</c> blocks are read too.
/// </summary>
public static class DestructiveSqlFinder
{
    private static readonly HashSet<string> NotColumnAfterDrop = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "INDEX", "DEFAULT", "NOT", "IDENTITY", "EXPRESSION", "PERIOD", "SYSTEM", "PRIMARY", "FOREIGN",
        "CHECK", "KEY", "PARTITION", "TRIGGER", "ROW", "OIDS",
    };

    public static ImmutableArray<DestructiveStatement> Find(string sql)
    {
        var findings = ImmutableArray.CreateBuilder<DestructiveStatement>();
        var createdHere = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Find(sql, findings, createdHere, depth: 0);
        return findings.ToImmutable();
    }

    private static void Find(string sql, ImmutableArray<DestructiveStatement>.Builder findings, HashSet<string> createdHere, int depth)
    {
        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            Analyze(statement, findings, createdHere, depth);
        }
    }

    private static void Analyze(ImmutableArray<SqlToken> tokens, ImmutableArray<DestructiveStatement>.Builder findings, HashSet<string> createdHere, int depth)
    {
        var i = 0;

        // PL/pgSQL inside DO blocks: statements may start after BEGIN.
        while (i < tokens.Length && tokens[i].Is("BEGIN") && !(i + 1 < tokens.Length && (tokens[i + 1].Is("TRANSACTION") || tokens[i + 1].Is("TRAN") || tokens[i + 1].Is("WORK"))))
        {
            i++;
        }

        if (i >= tokens.Length)
        {
            return;
        }

        if (tokens[i].Is("WITH"))
        {
            // WITH … AS (…) DELETE/UPDATE: the statement proper is the first top-level DML keyword.
            i = FirstTopLevel(tokens, i + 1, "DELETE", "UPDATE", "INSERT", "SELECT", "MERGE");
            if (i < 0)
            {
                return;
            }
        }

        var first = tokens[i];
        if (first.Is("DO") && depth < 2)
        {
            for (var j = i + 1; j < tokens.Length; j++)
            {
                if (tokens[j].Kind == SqlTokenKind.String && tokens[j].Text.StartsWith("$", StringComparison.Ordinal))
                {
                    Find(tokens[j].Value, findings, createdHere, depth + 1);
                    break;
                }
            }
        }
        else if (first.Is("CREATE"))
        {
            var j = Skip(tokens, i + 1, "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "OR", "REPLACE");
            if (j < tokens.Length && tokens[j].Is("TABLE"))
            {
                j = SkipIfExists(tokens, j + 1, "IF", "NOT", "EXISTS");
                if (SqlNames.ReadQualified(tokens, ref j) is { } created)
                {
                    createdHere.Add(created);
                }
            }
        }
        else if (first.Is("DROP") && i + 1 < tokens.Length && tokens[i + 1].Is("TABLE"))
        {
            var j = SkipIfExists(tokens, i + 2, "IF", "EXISTS");
            while (SqlNames.ReadQualified(tokens, ref j) is { } table)
            {
                if (!IsTemporary(table) && !createdHere.Contains(table))
                {
                    findings.Add(new DestructiveStatement(DestructiveStatementKind.DropTable, table));
                }

                if (j < tokens.Length && tokens[j].IsSymbol(','))
                {
                    j++;
                    continue;
                }

                break;
            }
        }
        else if (first.Is("ALTER") && i + 1 < tokens.Length && tokens[i + 1].Is("TABLE"))
        {
            var j = SkipIfExists(tokens, i + 2, "IF", "EXISTS");
            j = Skip(tokens, j, "ONLY");
            if (SqlNames.ReadQualified(tokens, ref j) is { } table && !createdHere.Contains(table) && !IsTemporary(table))
            {
                FindDroppedColumns(tokens, j, table, findings);
            }
        }
        else if (first.Is("TRUNCATE"))
        {
            var j = Skip(tokens, i + 1, "TABLE", "ONLY");
            while (SqlNames.ReadQualified(tokens, ref j) is { } table)
            {
                if (!IsTemporary(table) && !createdHere.Contains(table))
                {
                    findings.Add(new DestructiveStatement(DestructiveStatementKind.Truncate, table));
                }

                if (j < tokens.Length && tokens[j].IsSymbol(','))
                {
                    j++;
                    continue;
                }

                break;
            }
        }
        else if (first.Is("DELETE"))
        {
            if (i + 1 < tokens.Length && tokens[i + 1].Is("TOP"))
            {
                return;
            }

            var j = Skip(tokens, i + 1, "FROM", "ONLY");
            if (SqlNames.ReadQualified(tokens, ref j) is { } table && !IsTemporary(table) && !createdHere.Contains(table) && !IsLimited(tokens, j))
            {
                findings.Add(new DestructiveStatement(DestructiveStatementKind.DeleteAll, table));
            }
        }
        else if (first.Is("UPDATE"))
        {
            if (i + 1 < tokens.Length && tokens[i + 1].Is("TOP"))
            {
                return;
            }

            var j = Skip(tokens, i + 1, "ONLY");
            if (SqlNames.ReadQualified(tokens, ref j) is { } table && !IsTemporary(table) && !createdHere.Contains(table) && !IsLimited(tokens, j))
            {
                findings.Add(new DestructiveStatement(DestructiveStatementKind.UpdateAll, table, AssignedColumns: SetColumns(tokens, j).ToImmutableArray()));
            }
        }
    }

    /// <summary>The columns assigned by an UPDATE's SET list (<c>SET a = 1, "b" = 2</c>), in order.</summary>
    public static IEnumerable<string> SetColumns(ImmutableArray<SqlToken> tokens, int start)
    {
        var set = FirstTopLevel(tokens, start, "SET");
        if (set < 0)
        {
            yield break;
        }

        var depth = 0;
        for (var j = set + 1; j < tokens.Length; j++)
        {
            var token = tokens[j];
            if (token.IsSymbol('('))
            {
                depth++;
            }
            else if (token.IsSymbol(')'))
            {
                depth--;
            }
            else if (depth == 0 && (token.Is("WHERE") || token.Is("FROM") || token.Is("RETURNING") || token.Is("OUTPUT")))
            {
                yield break;
            }
            else if (depth == 0 && token.IsName && j + 1 < tokens.Length && tokens[j + 1].IsSymbol('=')
                     && (j == set + 1 || tokens[j - 1].IsSymbol(',') || tokens[j - 1].IsSymbol('.')))
            {
                yield return token.Value;
            }
        }
    }

    private static void FindDroppedColumns(ImmutableArray<SqlToken> tokens, int start, string table, ImmutableArray<DestructiveStatement>.Builder findings)
    {
        var depth = 0;
        for (var j = start; j < tokens.Length; j++)
        {
            if (tokens[j].IsSymbol('('))
            {
                depth++;
                continue;
            }

            if (tokens[j].IsSymbol(')'))
            {
                depth--;
                continue;
            }

            if (depth != 0 || !tokens[j].Is("DROP") || j + 1 >= tokens.Length)
            {
                continue;
            }

            var k = j + 1;
            var explicitColumn = tokens[k].Is("COLUMN");
            if (explicitColumn)
            {
                k++;
            }
            else if (tokens[k].Kind != SqlTokenKind.QuotedIdentifier && (tokens[k].Kind != SqlTokenKind.Word || NotColumnAfterDrop.Contains(tokens[k].Text)))
            {
                continue;
            }

            k = SkipIfExists(tokens, k, "IF", "EXISTS");

            // SQL Server: DROP COLUMN a, b. PostgreSQL writes DROP COLUMN again for each, which the loop meets anyway.
            while (k < tokens.Length && tokens[k].IsName && !(tokens[k].Kind == SqlTokenKind.Word && NotColumnAfterDrop.Contains(tokens[k].Text)))
            {
                findings.Add(new DestructiveStatement(DestructiveStatementKind.DropColumn, table, tokens[k].Value));
                k++;
                if (!explicitColumn || k + 1 >= tokens.Length || !tokens[k].IsSymbol(',') || !tokens[k + 1].IsName || tokens[k + 1].Is("DROP") || tokens[k + 1].Is("ADD") || tokens[k + 1].Is("ALTER"))
                {
                    break;
                }

                k++;
            }

            j = k - 1;
        }
    }

    /// <summary>A top-level WHERE, or a bound on the number of rows (LIMIT, MySQL), makes a DELETE or UPDATE targeted.</summary>
    private static bool IsLimited(ImmutableArray<SqlToken> tokens, int start)
        => FirstTopLevel(tokens, start, "WHERE", "LIMIT") >= 0;

    private static int FirstTopLevel(ImmutableArray<SqlToken> tokens, int start, params string[] keywords)
    {
        var depth = 0;
        for (var j = start; j < tokens.Length; j++)
        {
            if (tokens[j].IsSymbol('('))
            {
                depth++;
            }
            else if (tokens[j].IsSymbol(')'))
            {
                depth--;
            }
            else if (depth == 0)
            {
                foreach (var keyword in keywords)
                {
                    if (tokens[j].Is(keyword))
                    {
                        return j;
                    }
                }
            }
        }

        return -1;
    }

    private static int Skip(ImmutableArray<SqlToken> tokens, int j, params string[] words)
    {
        var skipped = true;
        while (skipped && j < tokens.Length)
        {
            skipped = false;
            foreach (var word in words)
            {
                if (tokens[j].Is(word))
                {
                    j++;
                    skipped = true;
                    break;
                }
            }
        }

        return j;
    }

    /// <summary>Skips an exact sequence such as IF EXISTS / IF NOT EXISTS.</summary>
    private static int SkipIfExists(ImmutableArray<SqlToken> tokens, int j, params string[] sequence)
    {
        if (j + sequence.Length > tokens.Length)
        {
            return j;
        }

        for (var k = 0; k < sequence.Length; k++)
        {
            if (!tokens[j + k].Is(sequence[k]))
            {
                return j;
            }
        }

        return j + sequence.Length;
    }

    /// <summary>SQL Server temp tables (<c>#work</c>, <c>##shared</c>) vanish with the session anyway.</summary>
    private static bool IsTemporary(string table) => table.StartsWith("#", StringComparison.Ordinal);
}
