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
    public static ImmutableArray<AddedConstraint> Find(string sql) => AlterTableActions.Read<AddedConstraint>(sql, ReadAction);

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
}
