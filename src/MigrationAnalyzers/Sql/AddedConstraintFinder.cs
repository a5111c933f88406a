using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

public enum AddedConstraintKind
{
    ForeignKey,
    Check,
    Unique,
    PrimaryKey,
}

/// <summary>A table constraint added by <c>ALTER TABLE … ADD [CONSTRAINT name] …</c> in raw SQL.</summary>
public sealed class AddedConstraint
{
    public AddedConstraint(AddedConstraintKind kind, string table, string? name, bool notValid, bool usingIndex)
    {
        Kind = kind;
        Table = table;
        Name = name;
        NotValid = notValid;
        UsingIndex = usingIndex;
    }

    public AddedConstraintKind Kind { get; }

    /// <summary>As written, schema-qualified when the SQL qualifies it.</summary>
    public string Table { get; }

    public string? Name { get; }

    /// <summary>PostgreSQL <c>NOT VALID</c>: existing rows are not checked now (VALIDATE CONSTRAINT does it later, without blocking writes).</summary>
    public bool NotValid { get; }

    /// <summary>PostgreSQL <c>UNIQUE/PRIMARY KEY USING INDEX idx</c>: adopts an index built beforehand.</summary>
    public bool UsingIndex { get; }
}

/// <summary>Finds table constraints added with <c>ALTER TABLE</c> in raw SQL, on <see cref="SqlTokenizer"/> tokens.</summary>
public static class AddedConstraintFinder
{
    public static ImmutableArray<AddedConstraint> Find(string sql)
    {
        var found = ImmutableArray.CreateBuilder<AddedConstraint>();
        foreach (var statement in SqlTokenizer.SplitStatements(SqlTokenizer.Tokenize(sql)))
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

            if (ReadName(statement, ref j) is not { } table)
            {
                continue;
            }

            // Actions are separated by top-level commas: ADD CONSTRAINT a …, ADD CONSTRAINT b ….
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
                    if (ReadAction(statement, actionStart, k, table) is { } constraint)
                    {
                        found.Add(constraint);
                    }

                    actionStart = k + 1;
                }
            }
        }

        return found.ToImmutable();
    }

    private static AddedConstraint? ReadAction(ImmutableArray<SqlToken> tokens, int start, int end, string table)
    {
        var j = start;
        if (j >= end || !tokens[j].Is("ADD"))
        {
            return null;
        }

        j++;
        string? name = null;
        if (j < end && tokens[j].Is("CONSTRAINT"))
        {
            j++;
            name = j < end && tokens[j].IsName ? tokens[j].Value : null;
            j++;
        }

        if (j >= end)
        {
            return null;
        }

        AddedConstraintKind kind;
        if (tokens[j].Is("FOREIGN"))
        {
            kind = AddedConstraintKind.ForeignKey;
        }
        else if (tokens[j].Is("CHECK"))
        {
            kind = AddedConstraintKind.Check;
        }
        else if (tokens[j].Is("UNIQUE"))
        {
            kind = AddedConstraintKind.Unique;
        }
        else if (tokens[j].Is("PRIMARY"))
        {
            kind = AddedConstraintKind.PrimaryKey;
        }
        else
        {
            return null; // ADD COLUMN, ADD EXCLUDE …
        }

        bool notValid = false, usingIndex = false;
        for (var k = j; k + 1 < end; k++)
        {
            notValid |= tokens[k].Is("NOT") && tokens[k + 1].Is("VALID");
            usingIndex |= tokens[k].Is("USING") && tokens[k + 1].Is("INDEX");
        }

        return new AddedConstraint(kind, table, name, notValid, usingIndex);
    }

    private static string? ReadName(ImmutableArray<SqlToken> tokens, ref int j)
    {
        if (j >= tokens.Length || !tokens[j].IsName)
        {
            return null;
        }

        var name = tokens[j].Value;
        j++;
        while (j + 1 < tokens.Length && tokens[j].IsSymbol('.') && tokens[j + 1].IsName)
        {
            name += "." + tokens[j + 1].Value;
            j += 2;
        }

        return name;
    }
}
