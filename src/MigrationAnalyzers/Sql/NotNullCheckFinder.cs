using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

public enum CheckConstraintChange
{
    /// <summary><c>ADD [CONSTRAINT name] CHECK (…) [NOT VALID]</c>.</summary>
    Added,

    /// <summary><c>VALIDATE CONSTRAINT name</c>: the rows are checked now, without blocking writes.</summary>
    Validated,

    /// <summary><c>DROP CONSTRAINT [IF EXISTS] name</c>, or the old name of <c>RENAME CONSTRAINT</c>.</summary>
    Dropped,

    /// <summary><c>ALTER [COLUMN] column SET NOT NULL</c>: not a check, but what the recipe's check is for (the column in <see cref="CheckConstraintStatement.NotNullColumn"/>).</summary>
    ColumnSetNotNull,

    /// <summary><c>ALTER [COLUMN] column DROP NOT NULL</c> (the column in <see cref="CheckConstraintStatement.NotNullColumn"/>).</summary>
    ColumnDroppedNotNull,
}

/// <summary>One change of an <c>ALTER TABLE</c> to a check constraint, as far as a NOT NULL check of a column is concerned.</summary>
public sealed class CheckConstraintStatement
{
    public CheckConstraintStatement(CheckConstraintChange change, string table, string? name, string? notNullColumn, bool notValid)
    {
        Change = change;
        Table = table;
        Name = name;
        NotNullColumn = notNullColumn;
        NotValid = notValid;
    }

    public CheckConstraintChange Change { get; }

    /// <summary>As written, its parts unquoted and joined with dots.</summary>
    public string Table { get; }

    /// <summary>The constraint's name; null for an added check that names none (PostgreSQL then names it itself).</summary>
    public string? Name { get; }

    /// <summary>
    /// An added check whose whole expression is <c>column IS NOT NULL</c>: that column; the column of SET / DROP NOT NULL;
    /// null for any other check or change.
    /// </summary>
    public string? NotNullColumn { get; }

    /// <summary>An added check with PostgreSQL's <c>NOT VALID</c>: the existing rows are not checked yet.</summary>
    public bool NotValid { get; }
}

/// <summary>
/// Reads the check constraints that raw SQL adds, validates and drops with <c>ALTER TABLE</c>, and the columns it makes
/// NOT NULL or nullable again (<c>ALTER COLUMN … SET / DROP NOT NULL</c>, the last step of the recipe), in statement order.
/// Only a check whose expression is exactly <c>column IS NOT NULL</c> (quoted or not, in any number of parentheses)
/// says which column it covers: anything else (<c>col IS NOT NULL OR …</c>, <c>col &gt; 0</c>) proves nothing about NULLs.
/// </summary>
public static class NotNullCheckFinder
{
    public static ImmutableArray<CheckConstraintStatement> Find(string sql) => AlterTableActions.Read<CheckConstraintStatement>(sql, ReadAction);

    /// <summary>The column of a check expression that is exactly <c>column IS NOT NULL</c> (EF Core's <c>AddCheckConstraint(sql: …)</c>); null otherwise.</summary>
    public static string? NotNullColumnOf(string expression)
    {
        var tokens = SqlTokenizer.Tokenize(expression);
        return NotNullColumnOf(tokens, 0, tokens.Length);
    }

    private static CheckConstraintStatement? ReadAction(ImmutableArray<SqlToken> tokens, int start, int end, string table)
    {
        var j = start;
        if (tokens[j].Is("ALTER"))
        {
            return ReadNullability(tokens, j + 1, end, table);
        }

        if (j + 1 < end && tokens[j].Is("VALIDATE") && tokens[j + 1].Is("CONSTRAINT"))
        {
            return j + 2 < end && tokens[j + 2].IsName ? new CheckConstraintStatement(CheckConstraintChange.Validated, table, tokens[j + 2].Value, null, false) : null;
        }

        if (j + 1 < end && (tokens[j].Is("DROP") || tokens[j].Is("RENAME")) && tokens[j + 1].Is("CONSTRAINT"))
        {
            j += 2;
            if (j + 1 < end && tokens[j].Is("IF") && tokens[j + 1].Is("EXISTS"))
            {
                j += 2;
            }

            return j < end && tokens[j].IsName ? new CheckConstraintStatement(CheckConstraintChange.Dropped, table, tokens[j].Value, null, false) : null;
        }

        if (j >= end || !tokens[j].Is("ADD"))
        {
            return null;
        }

        j++;
        string? name = null;
        if (j < end && tokens[j].Is("CONSTRAINT"))
        {
            j++;
            if (j >= end || !tokens[j].IsName)
            {
                return null;
            }

            name = tokens[j].Value;
            j++;
        }

        if (j + 1 >= end || !tokens[j].Is("CHECK") || !tokens[j + 1].IsSymbol('('))
        {
            return null;
        }

        // The expression is the parenthesized group after CHECK.
        var open = j + 1;
        var depth = 0;
        var close = -1;
        for (var k = open; k < end; k++)
        {
            if (tokens[k].IsSymbol('('))
            {
                depth++;
            }
            else if (tokens[k].IsSymbol(')') && --depth == 0)
            {
                close = k;
                break;
            }
        }

        if (close < 0)
        {
            return null;
        }

        var notValid = false;
        for (var k = close + 1; k + 1 < end; k++)
        {
            notValid |= tokens[k].Is("NOT") && tokens[k + 1].Is("VALID");
        }

        return new CheckConstraintStatement(CheckConstraintChange.Added, table, name, NotNullColumnOf(tokens, open + 1, close), notValid);
    }

    /// <summary><c>[COLUMN] name SET NOT NULL</c> or <c>[COLUMN] name DROP NOT NULL</c>, the whole action; null for any other.</summary>
    private static CheckConstraintStatement? ReadNullability(ImmutableArray<SqlToken> tokens, int j, int end, string table)
    {
        if (j < end && tokens[j].Is("COLUMN"))
        {
            j++;
        }

        if (end - j != 4 || !tokens[j].IsName || !tokens[j + 2].Is("NOT") || !tokens[j + 3].Is("NULL"))
        {
            return null;
        }

        return tokens[j + 1].Is("SET") ? new CheckConstraintStatement(CheckConstraintChange.ColumnSetNotNull, table, null, tokens[j].Value, false)
            : tokens[j + 1].Is("DROP") ? new CheckConstraintStatement(CheckConstraintChange.ColumnDroppedNotNull, table, null, tokens[j].Value, false)
            : null;
    }

    private static string? NotNullColumnOf(ImmutableArray<SqlToken> tokens, int start, int end)
    {
        // Outer parentheses that enclose the whole expression change nothing.
        while (end - start >= 2 && tokens[start].IsSymbol('(') && tokens[end - 1].IsSymbol(')') && Encloses(tokens, start, end))
        {
            start++;
            end--;
        }

        return end - start == 4 && tokens[start].IsName && !tokens[start].Is("NOT")
               && tokens[start + 1].Is("IS") && tokens[start + 2].Is("NOT") && tokens[start + 3].Is("NULL")
            ? tokens[start].Value
            : null;
    }

    /// <summary>The parenthesis at <paramref name="start"/> closes at <paramref name="end"/> − 1, not before.</summary>
    private static bool Encloses(ImmutableArray<SqlToken> tokens, int start, int end)
    {
        var depth = 0;
        for (var k = start; k < end; k++)
        {
            if (tokens[k].IsSymbol('('))
            {
                depth++;
            }
            else if (tokens[k].IsSymbol(')') && --depth == 0 && k < end - 1)
            {
                return false;
            }
        }

        return true;
    }
}
