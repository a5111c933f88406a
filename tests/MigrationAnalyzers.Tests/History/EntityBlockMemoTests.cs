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

    [Fact]
    public void A_table_shared_with_an_earlier_model_is_copied_before_a_later_model_adds_to_it()
    {
        const string item = """
            modelBuilder.Entity("Shop.Item", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Discriminator").IsRequired();
                    b.ToTable("Items");
                });
            """;
        const string book = """

            modelBuilder.Entity("Shop.Book", b =>
                {
                    b.HasBaseType("Shop.Item");
                    b.Property<string>("Isbn").IsRequired();
                });
            """;
        var first = Designer(item);
        var second = Designer(item);
        var third = Designer(item + book);
        var fourth = Designer(item + book + """

            modelBuilder.Entity("Shop.Item", b =>
                {
                    b.Property<int?>("ParentId");
                });
            """);

        var memo = new EntityBlockMemo();
        var models = new[] { first, second, third, fourth }.Select(designer => TargetModel.Read(designer, memo)).ToList();

        // From the second model on, Item's block is the memo's and so is the table it maps alone: the third model adds
        // Book's columns to a copy of that table, the fourth adds to a copy of the entity.
        Assert.Equal(4, memo.Copied);
        Assert.Equal("Items: Discriminator NOT NULL, Id NOT NULL", Describe(models[0]));
        Assert.Equal("Items: Discriminator NOT NULL, Id NOT NULL", Describe(models[1]));
        Assert.Equal("Items: Discriminator NOT NULL, Id NOT NULL, Isbn ?", Describe(models[2]));
        Assert.Equal("Items: Discriminator NOT NULL, Id NOT NULL, Isbn ?, ParentId NULL", Describe(models[3]));
        Assert.Equal(Describe(TargetModel.Read(third)), Describe(models[2]));
        Assert.Equal(Describe(TargetModel.Read(fourth)), Describe(models[3]));
        Assert.Same(models[1].Tables[0], TargetModel.Read(second, memo).Tables[0]);
    }

    [Fact]
    public void Blocks_of_one_length_that_differ_in_one_character_are_each_read()
    {
        // The hash reads some characters only: whichever position the difference falls on, the block is not copied.
        var columns = new[] { "Abcd", "Xbcd", "Axcd", "Abxd", "Abcx" };
        var memo = new EntityBlockMemo();
        foreach (var column in columns)
        {
            var designer = Designer($$"""
                modelBuilder.Entity("Shop.User", b =>
                    {
                        b.Property<int>("{{column}}");
                        b.ToTable("Users");
                    });
                """);
            Assert.Equal("Users: " + column + " NOT NULL", Describe(TargetModel.Read(designer, memo)));
        }

        Assert.Equal(0, memo.Copied);
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
