using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Splits SQL text into tokens the way PostgreSQL, SQL Server, SQLite and MySQL read it, so that keywords inside
/// comments (<c>--</c>, nested <c>/* */</c>), string literals (<c>'…'</c> with <c>''</c>, <c>E'…'</c> with backslash
/// escapes, dollar quotes <c>$tag$…$tag$</c>) and quoted identifiers (<c>"…"</c>, <c>[…]</c>, <c>`…`</c>) are never
/// mistaken for statements. Unterminated quotes and comments run to the end of the text; nothing throws.
/// Every token knows whether it starts a line (<see cref="SqlToken.StartsLine"/>), and a SQL Server <c>GO</c> line
/// is read as a statement separator.
/// A <c>{…}</c> span is one word: it stands for a C# interpolation hole whose value is unknown at compile time.
/// </summary>
public static class SqlTokenizer
{
    // By the text's own instance: a migration's SQL is one string on its operation, read by about eight rules, each of
    // which tokenized it again. An entry lives as long as the text, which the compilation holds.
    private static readonly ConditionalWeakTable<string, Read> Memo = new ConditionalWeakTable<string, Read>();

    /// <summary>The tokens of <paramref name="sql"/>, read once per string.</summary>
    public static ImmutableArray<SqlToken> Tokenize(string sql) => Memo.GetValue(sql, static text => new Read(TokenizeText(text))).Tokens;

    /// <summary>The statements of <paramref name="sql"/> (<see cref="SplitStatements"/> of its tokens), read once per string.</summary>
    public static ImmutableArray<ImmutableArray<SqlToken>> Statements(string sql)
    {
        var read = Memo.GetValue(sql, static text => new Read(TokenizeText(text)));
        if (read.Statements.IsDefault)
        {
            // Two threads may split at once: the same statements, and either is kept.
            read.Statements = SplitStatements(read.Tokens);
        }

        return read.Statements;
    }

    private static ImmutableArray<SqlToken> TokenizeText(string sql)
    {
        var tokens = ImmutableArray.CreateBuilder<SqlToken>();
        var i = 0;
        var lineStart = true;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (c == '\n')
            {
                lineStart = true;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '-' && Next(sql, i) == '-')
            {
                // Runs up to the newline, which the next round reads as the start of a line.
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '/' && Next(sql, i) == '*')
            {
                i = SkipBlockComment(sql, i);
                lineStart |= sql.IndexOf('\n', start, i - start) >= 0;
                continue;
            }

            var startsLine = lineStart;
            lineStart = false;
            if (c == '\'')
            {
                i = ReadQuoted(sql, i, '\'', backslashEscapes: false, out var value);
                tokens.Add(new SqlToken(SqlTokenKind.String, sql.Substring(start, i - start), value, start, startsLine));
            }
            else if ((c is 'E' or 'e' or 'N' or 'n' or 'X' or 'x' or 'B' or 'b') && Next(sql, i) == '\'' && !PrecededByWordChar(sql, i))
            {
                i = ReadQuoted(sql, i + 1, '\'', backslashEscapes: c is 'E' or 'e', out var value);
                tokens.Add(new SqlToken(SqlTokenKind.String, sql.Substring(start, i - start), value, start, startsLine));
            }
            else if (c == '"' || c == '`')
            {
                i = ReadQuoted(sql, i, c, backslashEscapes: false, out var value);
                tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, sql.Substring(start, i - start), value, start, startsLine));
            }
            else if (c == '[')
            {
                i = ReadQuoted(sql, i, ']', backslashEscapes: false, out var value);
                tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, sql.Substring(start, i - start), value, start, startsLine));
            }
            else if (c == '$' && TryReadDollarQuoted(sql, i, out var end, out var body))
            {
                i = end;
                tokens.Add(new SqlToken(SqlTokenKind.String, sql.Substring(start, i - start), body, start, startsLine));
            }
            else if (c == '{')
            {
                var close = sql.IndexOf('}', i + 1);
                i = close < 0 ? sql.Length : close + 1;
                var text = sql.Substring(start, i - start);
                tokens.Add(new SqlToken(SqlTokenKind.Word, text, text, start, startsLine));
            }
            else if (IsWordStart(c))
            {
                while (i < sql.Length && IsWordPart(sql[i]))
                {
                    i++;
                }

                var text = sql.Substring(start, i - start);
                if (startsLine && string.Equals(text, "GO", System.StringComparison.OrdinalIgnoreCase) && EndsGoLine(sql, ref i))
                {
                    // SQL Server scripts separate batches with GO on a line of its own: it ends a statement like ';'.
                    tokens.Add(new SqlToken(SqlTokenKind.Symbol, ";", text, start, startsLine));
                }
                else
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Word, text, text, start, startsLine));
                }
            }
            else if (char.IsDigit(c))
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                var text = sql.Substring(start, i - start);
                tokens.Add(new SqlToken(SqlTokenKind.Number, text, text, start, startsLine));
            }
            else
            {
                i++;
                var text = c.ToString();
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, text, text, start, startsLine));
            }
        }

        return tokens.ToImmutable();
    }

    /// <summary>Statements separated by top-level semicolons (a semicolon inside quotes or comments is not a token at all).</summary>
    public static ImmutableArray<ImmutableArray<SqlToken>> SplitStatements(ImmutableArray<SqlToken> tokens)
    {
        var statements = ImmutableArray.CreateBuilder<ImmutableArray<SqlToken>>();
        var current = ImmutableArray.CreateBuilder<SqlToken>();
        foreach (var token in tokens)
        {
            if (token.IsSymbol(';'))
            {
                Flush();
                continue;
            }

            current.Add(token);
        }

        Flush();
        return statements.ToImmutable();

        void Flush()
        {
            if (current.Count > 0)
            {
                statements.Add(current.ToImmutable());
                current.Clear();
            }
        }
    }

    private sealed class Read
    {
        public Read(ImmutableArray<SqlToken> tokens) => Tokens = tokens;

        public ImmutableArray<SqlToken> Tokens { get; }

        public ImmutableArray<ImmutableArray<SqlToken>> Statements { get; set; }
    }

    /// <summary>
    /// After a <c>GO</c> that starts a line: whether the rest of the line lets it be a batch separator (only
    /// whitespace, a repeat count as in <c>GO 5</c>, or a <c>--</c> comment). Moves <paramref name="i"/> past the count.
    /// </summary>
    private static bool EndsGoLine(string sql, ref int i)
    {
        var after = i;
        while (after < sql.Length && sql[after] != '\n' && char.IsWhiteSpace(sql[after]))
        {
            after++;
        }

        var countEnd = after;
        while (countEnd < sql.Length && char.IsDigit(sql[countEnd]))
        {
            countEnd++;
        }

        for (var rest = countEnd; rest < sql.Length && sql[rest] != '\n'; rest++)
        {
            if (sql[rest] == '-' && Next(sql, rest) == '-')
            {
                break;
            }

            if (!char.IsWhiteSpace(sql[rest]))
            {
                return false;
            }
        }

        i = countEnd;
        return true;
    }

    private static char Next(string sql, int i) => i + 1 < sql.Length ? sql[i + 1] : '\0';

    private static bool PrecededByWordChar(string sql, int i) => i > 0 && IsWordPart(sql[i - 1]);

    private static bool IsWordStart(char c) => char.IsLetter(c) || c is '_' or '@' or '#';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '@' or '#';

    /// <summary>PostgreSQL nests block comments; the others do not, but nesting never matters for text that closes them.</summary>
    private static int SkipBlockComment(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && Next(sql, i) == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && Next(sql, i) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>Reads from the opening quote at <paramref name="i"/>; a doubled closing quote stands for one.</summary>
    private static int ReadQuoted(string sql, int i, char close, bool backslashEscapes, out string value)
    {
        var builder = new StringBuilder();
        i++;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (backslashEscapes && c == '\\' && i + 1 < sql.Length)
            {
                builder.Append(sql[i + 1]);
                i += 2;
                continue;
            }

            if (c == close)
            {
                if (Next(sql, i) == close)
                {
                    builder.Append(close);
                    i += 2;
                    continue;
                }

                value = builder.ToString();
                return i + 1;
            }

            builder.Append(c);
            i++;
        }

        value = builder.ToString();
        return i;
    }

    /// <summary><c>$$…$$</c> or <c>$tag$…$tag$</c> (PostgreSQL); a lone <c>$1</c> parameter is not a quote.</summary>
    private static bool TryReadDollarQuoted(string sql, int i, out int end, out string body)
    {
        end = i;
        body = string.Empty;
        var tagEnd = i + 1;
        while (tagEnd < sql.Length && (char.IsLetterOrDigit(sql[tagEnd]) || sql[tagEnd] == '_'))
        {
            tagEnd++;
        }

        if (tagEnd >= sql.Length || sql[tagEnd] != '$' || (tagEnd > i + 1 && char.IsDigit(sql[i + 1])))
        {
            return false;
        }

        var tag = sql.Substring(i, tagEnd - i + 1);
        var bodyStart = tagEnd + 1;
        var close = sql.IndexOf(tag, bodyStart, System.StringComparison.Ordinal);
        if (close < 0)
        {
            body = sql.Substring(bodyStart);
            end = sql.Length;
            return true;
        }

        body = sql.Substring(bodyStart, close - bodyStart);
        end = close + tag.Length;
        return true;
    }
}
