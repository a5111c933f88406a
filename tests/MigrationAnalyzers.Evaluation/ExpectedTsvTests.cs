using System;
using MigrationAnalyzers.Evaluation.Harness;

namespace MigrationAnalyzers.Evaluation;

public sealed class ExpectedTsvTests
{
    [Fact]
    public void Reads_id_location_verdict_and_reason_and_skips_comments()
    {
        var findings = ExpectedTsv.Parse(
            "# judged by hand\n" +
            "\n" +
            "MIG1010\tMigrations/20240301120000_DropLegacyNotes.cs:14\ttrue\tdrops Orders.Notes on a rolling deploy\r\n" +
            "MIG1001\tShared/Domain/Seed.cs:9\tmissed\tnever run\n");

        Assert.Equal(2, findings.Length);
        Assert.Equal(new DiagnosticKey("MIG1010", "Migrations/20240301120000_DropLegacyNotes.cs", 14), findings[0].Key);
        Assert.Equal(Verdict.True, findings[0].Verdict);
        Assert.Equal("drops Orders.Notes on a rolling deploy", findings[0].Reason);
        Assert.Equal(3, findings[0].TsvLine);
        Assert.Equal(Verdict.Missed, findings[1].Verdict);
        Assert.False(findings[1].ExpectsReport);
    }

    [Fact]
    public void Reason_may_be_missing_and_verdict_is_case_insensitive()
    {
        var finding = Assert.Single(ExpectedTsv.Parse("MIG1030\tA.cs:1\tNoise"));
        Assert.Equal(Verdict.Noise, finding.Verdict);
        Assert.Equal("", finding.Reason);
    }

    [Theory]
    [InlineData("MIG1010 A.cs:3 true spaces instead of tabs")]
    [InlineData("MIG1010\tA.cs\ttrue\tno line")]
    [InlineData("MIG1010\tA.cs:0\ttrue\tline 0")]
    [InlineData("MIG1010\tA.cs:3\tmaybe\tunknown verdict")]
    [InlineData("\tA.cs:3\ttrue\tno ID")]
    public void Malformed_lines_are_errors_with_their_line_number(string line)
    {
        var error = Assert.Throws<FormatException>(() => ExpectedTsv.Parse("# header\n" + line));
        Assert.Contains("expected.tsv:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paste_line_has_a_question_mark_for_the_verdict()
        => Assert.Equal("MIG1030\tM/X.cs:7\t?\tColumn 'A' is added", ExpectedTsv.PasteLine(new DiagnosticKey("MIG1030", "M/X.cs", 7), "Column 'A'\tis added"));
}
