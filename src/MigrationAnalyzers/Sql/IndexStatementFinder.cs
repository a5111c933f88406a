using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

public enum IndexStatementKind
{
    Create,
    Drop,
    Reindex,
}

/// <summary>An index statement of raw SQL: <c>CREATE [UNIQUE] INDEX</c>, <c>DROP INDEX</c> or <c>REINDEX</c>.</summary>
public sealed class IndexStatement
{
    public IndexStatement(IndexStatementKind kind, bool concurrently, string? name, string? table, bool onNewTable = false)
    {
        Kind = kind;
        Concurrently = concurrently;
        Name = name;
        Table = table;
        OnNewTable = onNewTable;
    }

    /// <summary>CREATE INDEX on a table created earlier in the same SQL text.</summary>
    public bool OnNewTable { get; }

    public IndexStatementKind Kind { get; }

    /// <summary>PostgreSQL CONCURRENTLY: does not block writes, and cannot run inside a transaction block.</summary>
    public bool Concurrently { get; }

    /// <summary>The index, as written (schema-qualified when it is); null when not named.</summary>
    public string? Name { get; }

    /// <summary>CREATE INDEX: the table, as written; null otherwise.</summary>
    public string? Table { get; }

    /// <summary>The statement's leading words, as messages show them.</summary>
    public string Describe() => Kind switch
    {
        IndexStatementKind.Create => Concurrently ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX",
        IndexStatementKind.Drop => Concurrently ? "DROP INDEX CONCURRENTLY" : "DROP INDEX",
        _ => Concurrently ? "REINDEX CONCURRENTLY" : "REINDEX",
    };
}

/// <summary>Finds index statements in raw SQL, on <see cref="SqlTokenizer"/> tokens (comments and strings never count).</summary>
public static class IndexStatementFinder
{
    public static ImmutableArray<IndexStatement> Find(string sql)
    {
        var found = ImmutableArray.CreateBuilder<IndexStatement>();
        var createdTables = new System.Collections.Generic.HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            if (CreatedTable(statement) is { } created)
            {
                createdTables.Add(created);
            }
            else if (Read(statement) is { } index)
            {
                found.Add(index.Table is { } table && createdTables.Contains(table)
                    ? new IndexStatement(index.Kind, index.Concurrently, index.Name, table, onNewTable: true)
                    : index);
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The first statement that cannot run inside a transaction block (a CONCURRENTLY one), as its leading words, or null.</summary>
    public static string? FindFirstConcurrent(string sql)
    {
        foreach (var statement in Find(sql))
        {
            if (statement.Concurrently)
            {
                return statement.Describe();
            }
        }

        return null;
    }

    private static IndexStatement? Read(ImmutableArray<SqlToken> tokens)
    {
        if (tokens.Length < 2)
        {
            return null;
        }

        if (tokens[0].Is("CREATE"))
        {
            var j = tokens[1].Is("UNIQUE") ? 2 : 1;
            if (j >= tokens.Length || !tokens[j].Is("INDEX"))
            {
                return null;
            }

            j++;
            var concurrently = j < tokens.Length && tokens[j].Is("CONCURRENTLY");
            if (concurrently)
            {
                j++;
            }

            if (j + 2 < tokens.Length && tokens[j].Is("IF") && tokens[j + 1].Is("NOT") && tokens[j + 2].Is("EXISTS"))
            {
                j += 3;
            }

            var name = j < tokens.Length && !tokens[j].Is("ON") ? SqlNames.ReadQualified(tokens, ref j) : null;
            string? table = null;
            if (j < tokens.Length && tokens[j].Is("ON"))
            {
                j++;
                if (j < tokens.Length && tokens[j].Is("ONLY"))
                {
                    j++;
                }

                table = SqlNames.ReadQualified(tokens, ref j);
            }

            return new IndexStatement(IndexStatementKind.Create, concurrently, name, table);
        }

        if (tokens[0].Is("DROP") && tokens[1].Is("INDEX"))
        {
            var j = 2;
            var concurrently = j < tokens.Length && tokens[j].Is("CONCURRENTLY");
            if (concurrently)
            {
                j++;
            }

            if (j + 1 < tokens.Length && tokens[j].Is("IF") && tokens[j + 1].Is("EXISTS"))
            {
                j += 2;
            }

            return new IndexStatement(IndexStatementKind.Drop, concurrently, SqlNames.ReadQualified(tokens, ref j), table: null);
        }

        if (tokens[0].Is("REINDEX"))
        {
            // REINDEX INDEX CONCURRENTLY x, REINDEX (VERBOSE) TABLE CONCURRENTLY x.
            for (var j = 1; j < tokens.Length && j < 8; j++)
            {
                if (tokens[j].Is("CONCURRENTLY"))
                {
                    return new IndexStatement(IndexStatementKind.Reindex, concurrently: true, name: null, table: null);
                }
            }

            return new IndexStatement(IndexStatementKind.Reindex, concurrently: false, name: null, table: null);
        }

        return null;
    }

    /// <summary>CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name: the name.</summary>
    private static string? CreatedTable(ImmutableArray<SqlToken> tokens)
    {
        if (tokens.Length < 3 || !tokens[0].Is("CREATE"))
        {
            return null;
        }

        var j = 1;
        while (j < tokens.Length && (tokens[j].Is("TEMP") || tokens[j].Is("TEMPORARY") || tokens[j].Is("UNLOGGED") || tokens[j].Is("GLOBAL") || tokens[j].Is("LOCAL")))
        {
            j++;
        }

        if (j >= tokens.Length || !tokens[j].Is("TABLE"))
        {
            return null;
        }

        j++;
        if (j + 2 < tokens.Length && tokens[j].Is("IF") && tokens[j + 1].Is("NOT") && tokens[j + 2].Is("EXISTS"))
        {
            j += 3;
        }

        return SqlNames.ReadQualified(tokens, ref j);
    }
}
