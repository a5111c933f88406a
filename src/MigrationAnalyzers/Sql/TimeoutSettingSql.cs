using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Raw SQL that only sets how long later statements may wait: <c>SET [LOCAL | SESSION] lock_timeout = '5s'</c>
/// (statement_timeout, idle_in_transaction_session_timeout, MySQL's lock_wait_timeout and innodb_lock_wait_timeout),
/// SQL Server's <c>SET LOCK_TIMEOUT 5000</c>, or <c>SELECT set_config('lock_timeout', '5s', true)</c>.
/// Such a statement changes neither schema nor rows: Down needs no inverse of it, and a split may leave it where it is.
/// Settings that change what later statements mean (search_path, session_replication_role …) are not this.
/// </summary>
public static class TimeoutSettingSql
{
    private static readonly HashSet<string> TimeoutNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout", "lock_wait_timeout", "innodb_lock_wait_timeout",
    };

    /// <summary>True when <paramref name="sql"/> holds at least one statement and every statement sets a timeout.</summary>
    public static bool IsOnlyTimeoutSettings(string? sql)
    {
        if (sql is null)
        {
            return false;
        }

        var any = false;
        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            if (statement.Length == 0)
            {
                continue;
            }

            if (!SetsTimeout(statement))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static bool SetsTimeout(ImmutableArray<SqlToken> statement)
    {
        if (statement[0].Is("SET"))
        {
            var index = 1;
            if (index < statement.Length && (statement[index].Is("LOCAL") || statement[index].Is("SESSION")))
            {
                index++;
            }

            // SET LOCK_TIMEOUT 5000 (SQL Server) has no '=' or TO; the others do. The value is one literal.
            return index < statement.Length
                && statement[index].IsName
                && TimeoutNames.Contains(statement[index].Value)
                && IsValue(statement, index + 1);
        }

        // SELECT set_config('lock_timeout', '5s', true)
        return statement.Length >= 4
            && statement[0].Is("SELECT")
            && statement[1].Is("set_config")
            && statement[2].IsSymbol('(')
            && statement[3].Kind == SqlTokenKind.String
            && TimeoutNames.Contains(statement[3].Value)
            && statement[statement.Length - 1].IsSymbol(')');
    }

    /// <summary>The rest of a SET statement: optional <c>=</c> or <c>TO</c>, then one number, string or word.</summary>
    private static bool IsValue(ImmutableArray<SqlToken> statement, int index)
    {
        if (index < statement.Length && (statement[index].IsSymbol('=') || statement[index].Is("TO")))
        {
            index++;
        }

        return index == statement.Length - 1 && statement[index].Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Word;
    }
}
