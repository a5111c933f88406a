namespace MigrationAnalyzers.Sql;

public enum SqlTokenKind
{
    /// <summary>A keyword or unquoted identifier (<c>DROP</c>, <c>Orders</c>), or a placeholder for a non-constant C# interpolation hole.</summary>
    Word,

    /// <summary><c>"Orders"</c>, <c>[Orders]</c>, <c>`Orders`</c>; <see cref="SqlToken.Value"/> is the name without quotes.</summary>
    QuotedIdentifier,

    /// <summary><c>'text'</c>, <c>E'text'</c>, <c>N'text'</c>, <c>$$text$$</c>, <c>$tag$text$tag$</c>; <see cref="SqlToken.Value"/> is the content.</summary>
    String,

    Number,

    /// <summary>
    /// Any other character: <c>; ( ) , . = *</c> …. A <c>GO</c> line is the symbol <c>;</c> whose value is the word
    /// as written (see <see cref="SqlToken.IsBatchSeparator"/>).
    /// </summary>
    Symbol,
}

/// <summary>One token of a SQL text. Comments and whitespace are not tokens.</summary>
/// <param name="Kind">Word, quoted identifier, string, number or symbol.</param>
/// <param name="Text">The token as written.</param>
/// <param name="Value">Identifiers and strings without their quotes (doubled quotes undone); otherwise the text.</param>
/// <param name="Start">The token's offset in the SQL text.</param>
/// <param name="StartsLine">
/// Only whitespace or comments precede the token on its line. SQL Server ends a statement at a keyword that starts
/// a line when semicolons are left out, and a <c>GO</c> batch separator must stand on its own line.
/// </param>
public readonly record struct SqlToken(SqlTokenKind Kind, string Text, string Value, int Start, bool StartsLine = false)
{
    /// <summary>A SQL Server <c>GO</c> line: a statement separator like <c>;</c> that also ends a batch (and a routine body).</summary>
    public bool IsBatchSeparator => IsSymbol(';') && string.Equals(Value, "GO", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>An unquoted word equal to <paramref name="keyword"/>, ignoring case.</summary>
    public bool Is(string keyword)
        => Kind == SqlTokenKind.Word && string.Equals(Text, keyword, System.StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char symbol) => Kind == SqlTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    /// <summary>A word or quoted identifier: something that can name a table or column.</summary>
    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    public override string ToString() => Text;
}
