using System;
using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// The actions of every <c>ALTER TABLE [IF EXISTS] [ONLY] name action, action …</c> in raw SQL, one at a time: the
/// finders that read constraints and NOT NULL changes each read an action, not the statement around it.
/// </summary>
public static class AlterTableActions
{
    /// <summary>
    /// Calls <paramref name="read"/> with each action's tokens (the statement, the action's start and end, exclusive)
    /// and the table as written; actions are separated by commas outside parentheses.
    /// </summary>
    public static ImmutableArray<T> Read<T>(string sql, Func<ImmutableArray<SqlToken>, int, int, string, T?> read)
        where T : class
    {
        var found = ImmutableArray.CreateBuilder<T>();
        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            if (statement.Length < 4 || !statement[0].Is("ALTER") || !statement[1].Is("TABLE"))
            {
                continue;
            }

            var j = 2;
            if (j + 1 < statement.Length && statement[j].Is("IF") && statement[j + 1].Is("EXISTS"))
            {
                j += 2;
            }

            if (j < statement.Length && statement[j].Is("ONLY"))
            {
                j++;
            }

            if (SqlNames.ReadQualified(statement, ref j) is not { } table)
            {
                continue;
            }

            var depth = 0;
            var actionStart = j;
            for (var k = j; k <= statement.Length; k++)
            {
                var atEnd = k == statement.Length;
                if (!atEnd && statement[k].IsSymbol('('))
                {
                    depth++;
                }
                else if (!atEnd && statement[k].IsSymbol(')'))
                {
                    depth--;
                }
                else if (atEnd || (depth == 0 && statement[k].IsSymbol(',')))
                {
                    if (read(statement, actionStart, k, table) is { } action)
                    {
                        found.Add(action);
                    }

                    actionStart = k + 1;
                }
            }
        }

        return found.ToImmutable();
    }
}
