using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// What a raw SQL text makes, as a migration's Down may take it back: the tables it creates (<c>CREATE TABLE</c>) and
/// the columns it adds (<c>ALTER TABLE … ADD [COLUMN] c</c>). Names are as written, quotes removed; tables keep their
/// schema when the SQL qualifies them.
/// The schema timeline does not read these statements, so a rule that asks whether Up made something asks here too.
/// </summary>
public sealed class SqlFootprint
{
    private static readonly HashSet<string> NotColumnAfterAdd = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "INDEX", "KEY", "DEFAULT", "PERIOD", "FULLTEXT", "SPATIAL",
    };

    private SqlFootprint(ImmutableArray<string> createdTables, ImmutableArray<(string Table, string Column)> addedColumns)
    {
        CreatedTables = createdTables;
        AddedColumns = addedColumns;
    }

    public ImmutableArray<string> CreatedTables { get; }

    public ImmutableArray<(string Table, string Column)> AddedColumns { get; }

    public static SqlFootprint Of(string sql)
    {
        var created = ImmutableArray.CreateBuilder<string>();
        var added = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var statement in SqlTokenizer.Statements(sql))
        {
            Read(statement, created, added);
        }

        return new SqlFootprint(created.ToImmutable(), added.ToImmutable());
    }

    private static void Read(
        ImmutableArray<SqlToken> tokens,
        ImmutableArray<string>.Builder created,
        ImmutableArray<(string, string)>.Builder added)
    {
        var i = 0;
        while (i < tokens.Length && tokens[i].Is("BEGIN"))
        {
            i++;
        }

        if (i + 1 >= tokens.Length)
        {
            return;
        }

        if (tokens[i].Is("CREATE"))
        {
            var j = i + 1;
            while (j < tokens.Length && (tokens[j].Is("GLOBAL") || tokens[j].Is("LOCAL") || tokens[j].Is("TEMP") || tokens[j].Is("TEMPORARY") || tokens[j].Is("UNLOGGED")))
            {
                j++;
            }

            if (j < tokens.Length && tokens[j].Is("TABLE"))
            {
                j = SkipSequence(tokens, j + 1, "IF", "NOT", "EXISTS");
                if (SqlNames.ReadQualified(tokens, ref j) is { } table)
                {
                    created.Add(table);
                }
            }
        }
        else if (tokens[i].Is("ALTER") && tokens[i + 1].Is("TABLE"))
        {
            var j = SkipSequence(tokens, i + 2, "IF", "EXISTS");
            if (j < tokens.Length && tokens[j].Is("ONLY"))
            {
                j++;
            }

            if (SqlNames.ReadQualified(tokens, ref j) is { } table)
            {
                ReadAddedColumns(tokens, j, table, added);
            }
        }
    }

    /// <summary><c>ADD c type</c>, <c>ADD COLUMN [IF NOT EXISTS] c type</c>, and SQL Server's <c>ADD a type, b type</c>.</summary>
    private static void ReadAddedColumns(ImmutableArray<SqlToken> tokens, int start, string table, ImmutableArray<(string, string)>.Builder added)
    {
        var depth = 0;
        var adding = false;
        for (var j = start; j < tokens.Length; j++)
        {
            var token = tokens[j];
            if (token.IsSymbol('('))
            {
                depth++;
                continue;
            }

            if (token.IsSymbol(')'))
            {
                depth--;
                continue;
            }

            if (depth != 0)
            {
                continue;
            }

            var afterComma = adding && token.IsSymbol(',');
            if (!token.Is("ADD") && !afterComma)
            {
                if (token.Is("DROP") || token.Is("ALTER") || token.Is("RENAME"))
                {
                    adding = false;
                }

                continue;
            }

            adding = true;
            var k = j + 1;
            if (afterComma && k < tokens.Length && (tokens[k].Is("ADD") || tokens[k].Is("DROP") || tokens[k].Is("ALTER")))
            {
                // PostgreSQL and MySQL repeat the action after the comma; the loop meets it next.
                continue;
            }

            if (k < tokens.Length && tokens[k].Is("COLUMN"))
            {
                k++;
            }

            k = SkipSequence(tokens, k, "IF", "NOT", "EXISTS");
            if (k < tokens.Length && tokens[k].IsName && !(tokens[k].Kind == SqlTokenKind.Word && NotColumnAfterAdd.Contains(tokens[k].Text)))
            {
                added.Add((table, tokens[k].Value));
            }
        }
    }

    private static int SkipSequence(ImmutableArray<SqlToken> tokens, int j, params string[] sequence)
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
}
