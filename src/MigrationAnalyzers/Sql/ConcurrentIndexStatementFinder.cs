using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Finds PostgreSQL statements that cannot run inside a transaction block because they work CONCURRENTLY:
/// <c>CREATE [UNIQUE] INDEX CONCURRENTLY</c>, <c>DROP INDEX CONCURRENTLY</c>, <c>REINDEX … CONCURRENTLY</c>.
/// </summary>
public static class ConcurrentIndexStatementFinder
{
    /// <summary>The first such statement, as its leading words (<c>CREATE INDEX CONCURRENTLY</c>), or null.</summary>
    public static string? FindFirst(string sql)
    {
        foreach (var statement in SqlTokenizer.SplitStatements(SqlTokenizer.Tokenize(sql)))
        {
            if (Describe(statement) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Describe(ImmutableArray<SqlToken> tokens)
    {
        if (tokens.Length < 3)
        {
            return null;
        }

        if (tokens[0].Is("CREATE"))
        {
            var j = tokens[1].Is("UNIQUE") ? 2 : 1;
            return j + 1 < tokens.Length && tokens[j].Is("INDEX") && tokens[j + 1].Is("CONCURRENTLY") ? "CREATE INDEX CONCURRENTLY" : null;
        }

        if (tokens[0].Is("DROP"))
        {
            return tokens[1].Is("INDEX") && tokens[2].Is("CONCURRENTLY") ? "DROP INDEX CONCURRENTLY" : null;
        }

        if (tokens[0].Is("REINDEX"))
        {
            // REINDEX INDEX CONCURRENTLY x, REINDEX (VERBOSE) TABLE CONCURRENTLY x.
            for (var j = 1; j < tokens.Length && j < 8; j++)
            {
                if (tokens[j].Is("CONCURRENTLY"))
                {
                    return "REINDEX CONCURRENTLY";
                }
            }
        }

        return null;
    }
}
