using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Tests.Sql;

public class SqlTokenizerTests
{
    private static string[] Kinds(string sql) => SqlTokenizer.Tokenize(sql).Select(t => t.Kind + ":" + t.Value).ToArray();

    [Fact]
    public void Words_symbols_and_numbers()
    {
        Assert.Equal(
            new[] { "Word:DELETE", "Word:FROM", "Word:t", "Word:WHERE", "Word:id", "Symbol:=", "Number:42", "Symbol:;" },
            Kinds("DELETE FROM t WHERE id = 42;"));
    }

    [Fact]
    public void Line_and_nested_block_comments_are_skipped()
    {
        Assert.Equal(
            new[] { "Word:SELECT", "Number:1" },
            Kinds("-- DROP TABLE x;\nSELECT /* outer /* DROP TABLE y; */ still comment */ 1 -- trailing"));
    }

    [Fact]
    public void String_literals_keep_doubled_quotes_and_hide_keywords()
    {
        var tokens = SqlTokenizer.Tokenize("INSERT INTO log VALUES ('it''s; DROP TABLE x', N'ü', E'a\\'b;')");
        Assert.Equal(new[] { "it's; DROP TABLE x", "ü", "a'b;" }, tokens.Where(t => t.Kind == SqlTokenKind.String).Select(t => t.Value));
        Assert.DoesNotContain(tokens, t => t.IsSymbol(';'));
    }

    [Fact]
    public void Quoted_identifiers_of_every_dialect()
    {
        var tokens = SqlTokenizer.Tokenize("\"Order \"\"Lines\"\"\" [dbo].[My]]Table] `back``tick`");
        Assert.Equal(
            new[] { "Order \"Lines\"", "dbo", "My]Table", "back`tick" },
            tokens.Where(t => t.Kind == SqlTokenKind.QuotedIdentifier).Select(t => t.Value));
    }

    [Fact]
    public void Dollar_quotes_with_and_without_tags()
    {
        var tokens = SqlTokenizer.Tokenize("DO $$ BEGIN DELETE FROM t; END $$; SELECT $fn$ it's $$ inside $fn$, $1");
        var strings = tokens.Where(t => t.Kind == SqlTokenKind.String).Select(t => t.Value).ToArray();
        Assert.Equal(new[] { " BEGIN DELETE FROM t; END ", " it's $$ inside " }, strings);
        Assert.Equal(2, SqlTokenizer.SplitStatements(tokens).Length);
    }

    [Fact]
    public void Unterminated_quotes_and_comments_run_to_the_end_without_throwing()
    {
        Assert.Single(SqlTokenizer.Tokenize("'open"));
        Assert.Single(SqlTokenizer.Tokenize("\"open"));
        Assert.Single(SqlTokenizer.Tokenize("$tag$ open"));
        Assert.Empty(SqlTokenizer.Tokenize("/* open /* nested */"));
        Assert.Single(SqlTokenizer.Tokenize("[open"));
    }

    [Fact]
    public void Statements_split_on_top_level_semicolons_and_GO_lines()
    {
        var statements = SqlTokenizer.SplitStatements(SqlTokenizer.Tokenize("UPDATE a SET x = ';';\nGO\nDELETE FROM b\n  go  \nSELECT 'GO'; ;"));
        Assert.Equal(new[] { "UPDATE", "DELETE", "SELECT" }, statements.Select(s => s[0].Text));
    }

    [Fact]
    public void Interpolation_placeholders_are_one_word()
    {
        Assert.Equal(new[] { "Word:DELETE", "Word:FROM", "Word:{table}" }, Kinds("DELETE FROM {table}"));
    }

    [Fact]
    public void Plain_strings_take_backslashes_literally()
    {
        Assert.Equal(new[] { "String:C:\\temp\\", "Symbol:,", "Word:x" }, Kinds("'C:\\temp\\', x"));
    }

    [Fact]
    public void Tokens_know_whether_they_start_a_line()
    {
        var tokens = SqlTokenizer.Tokenize("UPDATE a\n  SET x = 'multi\nline' WHERE y = 1\n/* lead */ DELETE FROM b /* spans\nlines */ INSERT -- c\nMERGE");
        Assert.Equal(new[] { "UPDATE", "SET", "DELETE", "INSERT", "MERGE" }, tokens.Where(t => t.StartsLine).Select(t => t.Text));
    }

    [Fact]
    public void GO_with_a_repeat_count_or_a_comment_separates_batches_but_not_GO_inside_a_line()
    {
        var tokens = SqlTokenizer.Tokenize("CREATE TABLE a (x int)\ngo 2\n/* note */ GO -- end of batch\nSELECT GO FROM t\nGO x");
        Assert.Equal(2, tokens.Count(t => t.IsBatchSeparator));
        Assert.DoesNotContain(tokens, t => t.Kind == SqlTokenKind.Number && t.Text == "2");
        Assert.Equal(new[] { "CREATE", "SELECT" }, SqlTokenizer.SplitStatements(tokens).Select(s => s[0].Text));
        Assert.Equal("go", tokens.First(t => t.IsBatchSeparator).Value);
        Assert.DoesNotContain(SqlTokenizer.Tokenize("SELECT 1;"), t => t.IsBatchSeparator);
    }
}
