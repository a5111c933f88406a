using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>A raw-SQL statement that takes a table lock others queue behind (PostgreSQL), or one that sets lock_timeout.</summary>
public sealed class LockingStatement
{
    public LockingStatement(string command, string? table, bool setsLockTimeout)
    {
        Command = command;
        Table = table;
        SetsLockTimeout = setsLockTimeout;
    }

    /// <summary>The statement: <c>ALTER TABLE orders</c>, <c>CREATE INDEX</c>.</summary>
    public string Command { get; }

    /// <summary>The table it locks, when the statement names it (possibly schema-qualified).</summary>
    public string? Table { get; }

    /// <summary><c>SET [LOCAL] lock_timeout …</c> or <c>SELECT set_config('lock_timeout', …)</c>: later statements wait no longer than that.</summary>
    public bool SetsLockTimeout { get; }
}

/// <summary>
/// Finds, in order, the statements of raw SQL that MIG1193 cares about: <c>ALTER TABLE</c>, <c>CREATE INDEX</c> and
/// <c>DROP INDEX</c> without CONCURRENTLY, <c>DROP TABLE</c>, <c>LOCK TABLE</c>, and what sets <c>lock_timeout</c>.
/// <c>ALTER TABLE … VALIDATE CONSTRAINT</c> is not one: its lock lets reads and writes through even while it waits.
/// Tables created earlier in the same text are new (nothing else holds a lock on them) and skipped.
/// </summary>
public static class LockingStatementFinder
{
    public static ImmutableArray<LockingStatement> Find(string sql)
    {
        var found = ImmutableArray.CreateBuilder<LockingStatement>();
        var created = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            if (statement.Length == 0)
            {
                continue;
            }

            if (statement[0].Is("SET") || statement[0].Is("SELECT"))
            {
                foreach (var token in statement)
                {
                    if (string.Equals(token.Value, "lock_timeout", StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add(new LockingStatement("SET lock_timeout", null, setsLockTimeout: true));
                        break;
                    }
                }

                continue;
            }

            var index = 1;
            if (statement[0].Is("CREATE") && Next(statement, ref index, "TABLE") is not null)
            {
                Skip(statement, ref index, "IF", "NOT", "EXISTS");
                if (SqlNames.ReadQualified(statement, ref index) is { } newTable)
                {
                    created.Add(Unqualified(newTable));
                }

                continue;
            }

            if (Read(statement, created) is { } locking)
            {
                found.Add(locking);
            }
        }

        return found.ToImmutable();
    }

    private static LockingStatement? Read(ImmutableArray<SqlToken> statement, HashSet<string> created)
    {
        var index = 1;
        var first = statement[0];
        if ((first.Is("ALTER") || first.Is("DROP") || first.Is("LOCK")) && index < statement.Length && statement[index].Is("TABLE"))
        {
            index++;
            Skip(statement, ref index, "IF", "EXISTS", "ONLY");
            var table = SqlNames.ReadQualified(statement, ref index);

            // VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE, which reads and writes do not conflict with: while it
            // waits, nothing queues behind it (the second half of the NOT VALID pattern).
            if (first.Is("ALTER") && index < statement.Length && statement[index].Is("VALIDATE"))
            {
                return null;
            }

            return Table(first.Text.ToUpperInvariant() + " TABLE", table, created);
        }

        if (first.Is("LOCK"))
        {
            Skip(statement, ref index, "ONLY");
            return Table("LOCK TABLE", SqlNames.ReadQualified(statement, ref index), created);
        }

        if (first.Is("CREATE"))
        {
            Skip(statement, ref index, "UNIQUE");
            if (index >= statement.Length || !statement[index].Is("INDEX") || Contains(statement, "CONCURRENTLY"))
            {
                return null;
            }

            for (var on = index; on < statement.Length; on++)
            {
                if (statement[on].Is("ON"))
                {
                    var at = on + 1;
                    Skip(statement, ref at, "ONLY");
                    return Table("CREATE INDEX", SqlNames.ReadQualified(statement, ref at), created);
                }
            }

            return new LockingStatement("CREATE INDEX", null, setsLockTimeout: false);
        }

        if (first.Is("DROP") && index < statement.Length && statement[index].Is("INDEX") && !Contains(statement, "CONCURRENTLY"))
        {
            return new LockingStatement("DROP INDEX", null, setsLockTimeout: false);
        }

        return null;
    }

    private static LockingStatement? Table(string command, string? table, HashSet<string> created)
        => table is not null && created.Contains(Unqualified(table)) ? null : new LockingStatement(table is null ? command : command + " " + table, table, setsLockTimeout: false);

    private static string Unqualified(string name) => name.Substring(name.LastIndexOf('.') + 1);

    private static string? Next(ImmutableArray<SqlToken> statement, ref int index, string keyword)
    {
        if (index < statement.Length && statement[index].Is(keyword))
        {
            index++;
            return keyword;
        }

        return null;
    }

    private static void Skip(ImmutableArray<SqlToken> statement, ref int index, params string[] keywords)
    {
        while (index < statement.Length && IsOneOf(statement[index], keywords))
        {
            index++;
        }
    }

    private static bool IsOneOf(SqlToken token, string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (token.Is(keyword))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ImmutableArray<SqlToken> statement, string keyword)
    {
        foreach (var token in statement)
        {
            if (token.Is(keyword))
            {
                return true;
            }
        }

        return false;
    }
}
