using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Corpus;
using MigrationAnalyzers.History;

namespace MigrationAnalyzers.Tests.History;

/// <summary>
/// Reading a history's Designer models with one <see cref="EntityBlockMemo"/> copies an entity block already read in an
/// earlier Designer instead of reading it again: every model must come out as reading it alone does.
/// </summary>
public class EntityBlockMemoTests
{
    [Fact]
    public void Every_Designer_of_the_generated_histories_reads_the_same_with_the_memo()
    {
        var histories = CorpusGenerator.Generate(300)
            .Where(file => file.Path.EndsWith(".Designer.cs", StringComparison.Ordinal))
            .GroupBy(file => Path.GetDirectoryName(file.Path))
            .ToList();
        Assert.NotEmpty(histories);

        var copied = 0;
        foreach (var history in histories)
        {
            var memo = new EntityBlockMemo();
            foreach (var file in history.OrderBy(file => file.Path, StringComparer.Ordinal))
            {
                var buildTargetModel = BuildTargetModel(file.Text);
                Assert.Equal(Describe(TargetModel.Read(BuildTargetModel(file.Text))), Describe(TargetModel.Read(buildTargetModel, memo)));
            }

            copied += memo.Copied;
        }

        // Most blocks of a Designer repeat the one before: the memo is what spares reading them.
        Assert.True(copied > 1000, $"only {copied} blocks copied");
    }

    [Fact]
    public void A_later_block_of_the_same_entity_does_not_change_what_the_memo_keeps()
    {
        const string first = """
            modelBuilder.Entity("Shop.User", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Email").IsRequired();
                    b.OwnsOne("Shop.Address", "Home", a => { a.Property<string>("Street"); });
                    b.ToTable("Users");
                });
            """;
        var earlier = Designer(first + """

            modelBuilder.Entity("Shop.User", b =>
                {
                    b.Property<string>("Nickname");
                    b.ToTable("Members", "crm");
                });
            """);
        var later = Designer(first + """

            modelBuilder.Entity("Shop.Order", b =>
                {
                    b.Property<int>("Id");
                    b.Property<decimal?>("Total");
                    b.ToTable("Orders");
                });
            """);

        var memo = new EntityBlockMemo();
        Assert.Equal(Describe(TargetModel.Read(earlier)), Describe(TargetModel.Read(earlier, memo)));
        Assert.Equal(Describe(TargetModel.Read(later)), Describe(TargetModel.Read(later, memo)));
        Assert.Equal(1, memo.Copied);
        Assert.Equal("Users: Email NOT NULL, Home_Street ?, Id NOT NULL | Orders: Id NOT NULL, Total NULL", Describe(TargetModel.Read(later, memo)));
    }

    private static MethodDeclarationSyntax Designer(string statements)
        => BuildTargetModel("""
            partial class M
            {
                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """);

    private static MethodDeclarationSyntax BuildTargetModel(string text)
        => CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "BuildTargetModel");

    private static string Describe(TargetModel model)
        => string.Join(" | ", model.Tables.Select(table =>
            (table.Schema is null ? string.Empty : table.Schema + ".") + table.Name + ": "
            + string.Join(", ", table.Columns.OrderBy(c => c, StringComparer.Ordinal).Select(c => c + " " + (table.IsNullable(c) switch { true => "NULL", false => "NOT NULL", null => "?" })))));
}
