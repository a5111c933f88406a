using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Classifies raw SQL by its statements: data (INSERT, UPDATE, DELETE, MERGE …), schema (CREATE, ALTER, DROP, RENAME …)
/// or other. A statement is classified by its leading keyword, never by keywords anywhere in the text, so
/// <c>ON DELETE CASCADE</c> in a CREATE TABLE, a keyword inside a string or a comment, or the body of a trigger or
/// procedure do not make schema SQL look like data.
/// </summary>
public static class SqlClassifier
{
    private static readonly HashSet<string> DataKeywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT", "TRUNCATE",
    };

    private static readonly HashSet<string> SchemaKeywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CREATE", "ALTER", "DROP", "RENAME",
    };

    private static readonly HashSet<string> RoutineKeywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PROCEDURE", "PROC", "FUNCTION", "TRIGGER",
    };

    private static readonly HashSet<string> TransactionWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "TRAN", "TRANSACTION", "WORK", "DEFERRED", "IMMEDIATE", "EXCLUSIVE", "DISTRIBUTED",
    };

    public static SqlStatementKinds Classify(string? sql)
    {
        if (sql is null)
        {
            return SqlStatementKinds.None;
        }

        var tokens = SqlTokenizer.Tokenize(sql);
        var kinds = SqlStatementKinds.None;
        var index = 0;
        while (index < tokens.Length)
        {
            if (IsSeparator(tokens[index]))
            {
                index++;
                continue;
            }

            index = ReadStatement(tokens, index, ref kinds);
        }

        return kinds;
    }

    /// <summary>Reads one statement from <paramref name="start"/>, adds its kind, and returns the index after it.</summary>
    private static int ReadStatement(ImmutableArray<SqlToken> tokens, int start, ref SqlStatementKinds kinds)
    {
        var index = start;

        // Block and branch words in front of a statement: BEGIN … END, ELSE, IF <condition>.
        while (index < tokens.Length)
        {
            var token = tokens[index];
            if (token.Is("BEGIN") && !(index + 1 < tokens.Length && (IsTransactionWord(tokens[index + 1]) || tokens[index + 1].IsSymbol(';'))))
            {
                index++;
            }
            else if (token.Is("END") || token.Is("ELSE"))
            {
                index++;
            }
            else if (token.Is("IF"))
            {
                index = SkipCondition(tokens, index + 1);
            }
            else
            {
                break;
            }
        }

        if (index >= tokens.Length || IsSeparator(tokens[index]))
        {
            return index;
        }

        var leading = tokens[index];
        if (leading.Is("WITH"))
        {
            // WITH cte AS (…) UPDATE …: the statement is what follows the common table expressions.
            var end = StatementEnd(tokens, index + 1, stopAtLineStartKeyword: false);
            kinds |= ContainsAtTopLevel(tokens, index + 1, end, DataKeywords) ? SqlStatementKinds.Data : SqlStatementKinds.Other;
            return end;
        }

        if (leading.Kind == SqlTokenKind.Word && DataKeywords.Contains(leading.Text))
        {
            kinds |= SqlStatementKinds.Data;
            return StatementEnd(tokens, index + 1, stopAtLineStartKeyword: true);
        }

        if (leading.Kind == SqlTokenKind.Word && SchemaKeywords.Contains(leading.Text))
        {
            kinds |= SqlStatementKinds.Schema;
            return IsRoutineHeader(tokens, index + 1)
                ? RoutineEnd(tokens, index + 1)
                : StatementEnd(tokens, index + 1, stopAtLineStartKeyword: true);
        }

        // EXEC sp_rename 'Orders.Total', 'Amount', 'COLUMN': SQL Server's way to rename.
        if ((leading.Is("EXEC") || leading.Is("EXECUTE")) && index + 1 < tokens.Length && tokens[index + 1].Is("sp_rename"))
        {
            kinds |= SqlStatementKinds.Schema;
            return StatementEnd(tokens, index + 1, stopAtLineStartKeyword: true);
        }

        kinds |= SqlStatementKinds.Other;
        return StatementEnd(tokens, index + 1, stopAtLineStartKeyword: true);
    }

    /// <summary>
    /// The end of an ordinary statement: a top-level semicolon, a GO line, or (SQL Server, where semicolons are optional)
    /// a data or schema keyword that starts a line outside parentheses.
    /// </summary>
    private static int StatementEnd(ImmutableArray<SqlToken> tokens, int index, bool stopAtLineStartKeyword)
    {
        var depth = 0;
        for (; index < tokens.Length; index++)
        {
            var token = tokens[index];
            if (token.IsSymbol('('))
            {
                depth++;
            }
            else if (token.IsSymbol(')'))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && IsSeparator(token))
            {
                return index;
            }
            else if (depth == 0 && stopAtLineStartKeyword && token.StartsLine && token.Kind == SqlTokenKind.Word
                     && (DataKeywords.Contains(token.Text) || SchemaKeywords.Contains(token.Text)))
            {
                return index;
            }
        }

        return index;
    }

    /// <summary>
    /// CREATE PROCEDURE/FUNCTION/TRIGGER: the body is part of the statement. It ends after the END that closes its
    /// first BEGIN, after a quoted body (PostgreSQL <c>AS $$ … $$;</c>), or else at GO or the end of the text.
    /// </summary>
    private static int RoutineEnd(ImmutableArray<SqlToken> tokens, int index)
    {
        var blocks = 0;
        var bodyClosed = false;
        for (; index < tokens.Length; index++)
        {
            var token = tokens[index];
            if (token.IsBatchSeparator)
            {
                return index;
            }

            if (token.Is("BEGIN") && !(index + 1 < tokens.Length && IsTransactionWord(tokens[index + 1])))
            {
                blocks++;
            }
            else if (token.Is("CASE"))
            {
                blocks++;
            }
            else if (token.Is("END") && blocks > 0)
            {
                blocks--;
                bodyClosed |= blocks == 0;
            }
            else if (token.Kind == SqlTokenKind.String && index > 0 && tokens[index - 1].Is("AS") && blocks == 0)
            {
                bodyClosed = true;
            }
            else if (token.IsSymbol(';') && blocks == 0 && bodyClosed)
            {
                return index;
            }
        }

        return index;
    }

    private static bool IsRoutineHeader(ImmutableArray<SqlToken> tokens, int index)
    {
        // CREATE [OR REPLACE | OR ALTER] [DEFINER = …] [TEMP] TRIGGER …: look a few words ahead.
        for (var end = Math.Min(tokens.Length, index + 6); index < end; index++)
        {
            if (tokens[index].Kind == SqlTokenKind.Word && RoutineKeywords.Contains(tokens[index].Text))
            {
                return true;
            }

            if (tokens[index].Is("TABLE") || tokens[index].Is("INDEX") || tokens[index].Is("VIEW"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>IF &lt;condition&gt;: the condition ends at the first top-level word that can start a statement.</summary>
    private static int SkipCondition(ImmutableArray<SqlToken> tokens, int index)
    {
        var depth = 0;
        for (; index < tokens.Length; index++)
        {
            var token = tokens[index];
            if (token.IsSymbol('('))
            {
                depth++;
            }
            else if (token.IsSymbol(')'))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && (IsSeparator(token) || IsStatementStart(token)))
            {
                return index;
            }
        }

        return index;
    }

    private static bool IsStatementStart(SqlToken token)
        => token.Kind == SqlTokenKind.Word
           && (DataKeywords.Contains(token.Text) || SchemaKeywords.Contains(token.Text)
               || token.Is("BEGIN") || token.Is("SELECT") || token.Is("SET") || token.Is("EXEC")
               || token.Is("EXECUTE") || token.Is("PRINT") || token.Is("RETURN") || token.Is("THROW")
               || token.Is("RAISERROR") || token.Is("DECLARE") || token.Is("WITH"));

    private static bool ContainsAtTopLevel(ImmutableArray<SqlToken> tokens, int start, int end, HashSet<string> words)
    {
        var depth = 0;
        for (var index = start; index < end; index++)
        {
            var token = tokens[index];
            if (token.IsSymbol('('))
            {
                depth++;
            }
            else if (token.IsSymbol(')'))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && token.Kind == SqlTokenKind.Word && words.Contains(token.Text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTransactionWord(SqlToken token) => token.Kind == SqlTokenKind.Word && TransactionWords.Contains(token.Text);

    /// <summary>A semicolon or a <c>GO</c> line (the tokenizer reads both as <c>;</c>).</summary>
    private static bool IsSeparator(SqlToken token) => token.IsSymbol(';');
}
