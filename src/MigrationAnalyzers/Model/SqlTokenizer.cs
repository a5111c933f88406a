using System.Collections.Generic;

namespace MigrationAnalyzers.Model;

/// <summary>One token of SQL text. Comments and whitespace are never tokens; literals and quoted names are one token each.</summary>
internal readonly struct SqlToken
{
    public SqlToken(SqlTokenKind kind, string text, bool startsLine)
    {
        Kind = kind;
        Text = text;
        StartsLine = startsLine;
    }

    public SqlTokenKind Kind { get; }

    /// <summary>Words: the word itself; punctuation: the character; literals and quoted names: empty (their content never matters).</summary>
    public string Text { get; }

    /// <summary>Only whitespace or comments precede the token on its line (a <c>GO</c> batch separator must stand alone).</summary>
    public bool StartsLine { get; }

    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, System.StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char character) => Kind == SqlTokenKind.Punctuation && Text.Length == 1 && Text[0] == character;
}

internal enum SqlTokenKind
{
    /// <summary>A keyword or an unquoted name.</summary>
    Word,

    /// <summary>A string literal: '…', N'…', E'…', PostgreSQL $tag$…$tag$.</summary>
    Literal,

    /// <summary>"name", [name] or `name`: never a keyword.</summary>
    QuotedName,

    /// <summary>; ( ) and any other single character.</summary>
    Punctuation,
}

/// <summary>
/// Splits SQL into tokens for classification, across the dialects migrations are written in
/// (SQL Server, PostgreSQL, SQLite, MySQL). It skips <c>--</c> and (nested) <c>/* */</c> comments and reads string
/// literals and quoted names whole, so that keywords inside them never count.
/// </summary>
internal static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var index = 0;
        var lineStart = true;
        while (index < sql.Length)
        {
            var character = sql[index];
            if (character == '\n')
            {
                lineStart = true;
                index++;
                continue;
            }

            if (char.IsWhiteSpace(character))
            {
                index++;
                continue;
            }

            if (character == '-' && Next(sql, index) == '-')
            {
                while (index < sql.Length && sql[index] != '\n')
                {
                    index++;
                }

                continue;
            }

            if (character == '/' && Next(sql, index) == '*')
            {
                index = SkipBlockComment(sql, index);
                continue;
            }

            var startsLine = lineStart;
            lineStart = false;
            if (character == '\'')
            {
                index = SkipQuoted(sql, index, '\'');
                tokens.Add(new SqlToken(SqlTokenKind.Literal, string.Empty, startsLine));
            }
            else if (character == '"' || character == '`')
            {
                index = SkipQuoted(sql, index, character);
                tokens.Add(new SqlToken(SqlTokenKind.QuotedName, string.Empty, startsLine));
            }
            else if (character == '[')
            {
                index = SkipQuoted(sql, index, ']');
                tokens.Add(new SqlToken(SqlTokenKind.QuotedName, string.Empty, startsLine));
            }
            else if (character == '$' && DollarTag(sql, index) is { } tag)
            {
                var end = sql.IndexOf(tag, index + tag.Length, System.StringComparison.Ordinal);
                index = end < 0 ? sql.Length : end + tag.Length;
                tokens.Add(new SqlToken(SqlTokenKind.Literal, string.Empty, startsLine));
            }
            else if (IsWordStart(character))
            {
                var start = index;
                while (index < sql.Length && IsWordPart(sql[index]))
                {
                    index++;
                }

                // N'…' (SQL Server), E'…' / B'…' / X'…' (PostgreSQL): a prefixed literal, not a word.
                if (index - start == 1 && index < sql.Length && sql[index] == '\'')
                {
                    index = SkipQuoted(sql, index, '\'');
                    tokens.Add(new SqlToken(SqlTokenKind.Literal, string.Empty, startsLine));
                }
                else
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Word, sql.Substring(start, index - start), startsLine));
                }
            }
            else
            {
                tokens.Add(new SqlToken(SqlTokenKind.Punctuation, character.ToString(), startsLine));
                index++;
            }
        }

        return tokens;
    }

    private static char Next(string sql, int index) => index + 1 < sql.Length ? sql[index + 1] : '\0';

    private static bool IsWordStart(char character) => char.IsLetter(character) || character is '_' or '@' or '#';

    private static bool IsWordPart(char character) => char.IsLetterOrDigit(character) || character is '_' or '@' or '#' or '$';

    /// <summary>Block comments nest in SQL Server and PostgreSQL; an unclosed one runs to the end.</summary>
    private static int SkipBlockComment(string sql, int index)
    {
        var depth = 0;
        while (index < sql.Length)
        {
            if (sql[index] == '/' && Next(sql, index) == '*')
            {
                depth++;
                index += 2;
            }
            else if (sql[index] == '*' && Next(sql, index) == '/')
            {
                depth--;
                index += 2;
                if (depth == 0)
                {
                    return index;
                }
            }
            else
            {
                index++;
            }
        }

        return index;
    }

    /// <summary>
    /// Skips a quoted run; a doubled closing quote ('' or "" or ]]) is part of the content. Backslashes are not escapes
    /// (standard SQL, SQL Server, SQLite): 'C:\temp\' must end where it ends.
    /// </summary>
    private static int SkipQuoted(string sql, int index, char close)
    {
        index++;
        while (index < sql.Length)
        {
            if (sql[index] == close)
            {
                if (Next(sql, index) == close)
                {
                    index += 2;
                    continue;
                }

                return index + 1;
            }

            index++;
        }

        return index;
    }

    /// <summary>The opening <c>$tag$</c> (or <c>$$</c>) of a PostgreSQL dollar-quoted string, or null for <c>$1</c> parameters.</summary>
    private static string? DollarTag(string sql, int index)
    {
        var end = index + 1;
        while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
        {
            end++;
        }

        if (end >= sql.Length || sql[end] != '$' || (end > index + 1 && char.IsDigit(sql[index + 1])))
        {
            return null;
        }

        return sql.Substring(index, end - index + 1);
    }
}
