using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>Reads names from <see cref="SqlTokenizer"/> tokens the same way for every finder.</summary>
public static class SqlNames
{
    /// <summary>
    /// A possibly qualified name at <paramref name="index"/> (<c>Orders</c>, <c>dbo.[Order Lines]</c>,
    /// <c>"public"."Orders"</c>), its parts unquoted and joined with dots; moves <paramref name="index"/> past it.
    /// Null, with <paramref name="index"/> unchanged, when no name starts there.
    /// </summary>
    public static string? ReadQualified(ImmutableArray<SqlToken> tokens, ref int index)
    {
        if (index >= tokens.Length || !tokens[index].IsName)
        {
            return null;
        }

        var name = tokens[index].Value;
        index++;
        while (index + 1 < tokens.Length && tokens[index].IsSymbol('.') && tokens[index + 1].IsName)
        {
            name += "." + tokens[index + 1].Value;
            index += 2;
        }

        return name;
    }
}
