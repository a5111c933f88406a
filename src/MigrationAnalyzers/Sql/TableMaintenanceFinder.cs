using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>A PostgreSQL maintenance statement that holds a table (or its index) locked for as long as it works.</summary>
public sealed class TableMaintenanceStatement
{
    public TableMaintenanceStatement(string command, string? target, bool cannotRunInTransaction)
    {
        Command = command;
        Target = target;
        CannotRunInTransaction = cannotRunInTransaction;
    }

    /// <summary>The statement's leading words as messages show them: <c>REINDEX</c>, <c>VACUUM FULL</c>, <c>CLUSTER</c>.</summary>
    public string Command { get; }

    /// <summary>The table or index named, as written; null when the statement names none (the whole database).</summary>
    public string? Target { get; }

    /// <summary>PostgreSQL refuses it inside a transaction block (VACUUM; CLUSTER and REINDEX of a whole database or schema).</summary>
    public bool CannotRunInTransaction { get; }

    /// <summary>What PostgreSQL is known by from the statement alone: VACUUM FULL and CLUSTER exist nowhere else.</summary>
    public bool IsPostgresOnly => Command != "REINDEX";
}

/// <summary>
/// Finds REINDEX without CONCURRENTLY, VACUUM FULL and CLUSTER in raw SQL, on <see cref="SqlTokenizer"/> tokens (comments
/// and strings never count). Plain VACUUM and ANALYZE take no lock that blocks reads or writes and are not found.
/// </summary>
public static class TableMaintenanceFinder
{
    public static ImmutableArray<TableMaintenanceStatement> Find(string sql)
    {
        var found = ImmutableArray.CreateBuilder<TableMaintenanceStatement>();
        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            if (Read(statement) is { } maintenance)
            {
                found.Add(maintenance);
            }
        }

        return found.ToImmutable();
    }

    private static TableMaintenanceStatement? Read(ImmutableArray<SqlToken> tokens)
    {
        if (tokens.IsEmpty)
        {
            return null;
        }

        if (tokens[0].Is("REINDEX"))
        {
            // REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] name.
            var j = SkipOptions(tokens, 1, out var concurrentOption);
            var scope = j < tokens.Length ? tokens[j].Text.ToUpperInvariant() : string.Empty;
            if (scope is not ("INDEX" or "TABLE" or "SCHEMA" or "DATABASE" or "SYSTEM"))
            {
                return null; // SQLite's bare REINDEX [name]: not PostgreSQL syntax.
            }

            j++;
            if (concurrentOption || (j < tokens.Length && tokens[j].Is("CONCURRENTLY")))
            {
                return null; // MIG1150 judges the transaction; CONCURRENTLY itself does not block.
            }

            var whole = scope is "SCHEMA" or "DATABASE" or "SYSTEM";
            return new TableMaintenanceStatement("REINDEX", SqlNames.ReadQualified(tokens, ref j), cannotRunInTransaction: whole);
        }

        if (tokens[0].Is("VACUUM"))
        {
            // VACUUM FULL [FREEZE] [VERBOSE] [ANALYZE] name, or VACUUM (FULL[, ANALYZE …]) name.
            var full = false;
            var j = 1;
            if (j < tokens.Length && tokens[j].IsSymbol('('))
            {
                for (j++; j < tokens.Length && !tokens[j].IsSymbol(')'); j++)
                {
                    if (tokens[j].Is("FULL") && !(j + 1 < tokens.Length && (tokens[j + 1].Is("FALSE") || tokens[j + 1].Is("OFF") || tokens[j + 1].Text == "0")))
                    {
                        full = true;
                    }
                }

                j++;
            }
            else
            {
                while (j < tokens.Length && (tokens[j].Is("FULL") || tokens[j].Is("FREEZE") || tokens[j].Is("VERBOSE") || tokens[j].Is("ANALYZE") || tokens[j].Is("ANALYSE")))
                {
                    full |= tokens[j].Is("FULL");
                    j++;
                }
            }

            return full ? new TableMaintenanceStatement("VACUUM FULL", j < tokens.Length ? SqlNames.ReadQualified(tokens, ref j) : null, cannotRunInTransaction: true) : null;
        }

        if (tokens[0].Is("CLUSTER"))
        {
            // CLUSTER [VERBOSE] [table [USING index]]; without a table it re-clusters every clustered table of the database.
            var j = 1;
            if (j < tokens.Length && tokens[j].Is("VERBOSE"))
            {
                j++;
            }

            j = SkipOptions(tokens, j, out _);
            var table = j < tokens.Length ? SqlNames.ReadQualified(tokens, ref j) : null;
            return new TableMaintenanceStatement("CLUSTER", table, cannotRunInTransaction: table is null);
        }

        return null;
    }

    /// <summary>Skips a parenthesized option list; <paramref name="concurrently"/> says whether it held CONCURRENTLY.</summary>
    private static int SkipOptions(ImmutableArray<SqlToken> tokens, int index, out bool concurrently)
    {
        concurrently = false;
        if (index >= tokens.Length || !tokens[index].IsSymbol('('))
        {
            return index;
        }

        for (index++; index < tokens.Length && !tokens[index].IsSymbol(')'); index++)
        {
            concurrently |= tokens[index].Is("CONCURRENTLY");
        }

        return index + 1;
    }
}
