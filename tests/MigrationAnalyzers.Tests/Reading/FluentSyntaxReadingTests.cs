using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Tests.Reading;

/// <summary>
/// FluentMigrator chains read with their constants and root taken from syntax where syntax is sure are the chains the
/// semantic model reads, call for call and value for value.
/// </summary>
public class FluentSyntaxReadingTests
{
    private readonly ITestOutputHelper _output;

    public FluentSyntaxReadingTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Hand_written_chains_read_from_syntax_equal_what_the_semantic_model_reads()
    {
        var compilation = await TestCompilation.CreateAsync("""
            using System;
            using System.Data;
            using FluentMigrator;

            public static class Tables
            {
                public const string Users = "Users";
                public static readonly string Dynamic = "Dyn" + DateTime.Now.Year;
            }

            public enum Size { Small = 20, Large = 2000 }

            public abstract class ShopMigration : Migration
            {
                protected const string Orders = "Orders";
                protected string Computed => "Computed";
            }

            [Migration(202401011200)]
            public class Shapes : ShopMigration
            {
                private const int Length = 100;

                public override void Up()
                {
                    Create.Table(Orders).InSchema("sales")
                        .WithColumn("Id").AsInt64().PrimaryKey().Identity()
                        .WithColumn("UserId").AsInt32().NotNullable().ForeignKey("FK_Orders_Users", Tables.Users, "Id").OnDelete(Rule.Cascade)
                        .WithColumn("Note").AsString(Length).Nullable().WithDefaultValue("none")
                        .WithColumn("Total").AsDecimal(18, 2).WithDefaultValue(-1.5m)
                        .WithColumn("Rank").AsInt16().WithDefaultValue((short)-1)
                        .WithColumn("Created").AsDateTime().WithDefault(SystemMethods.CurrentDateTime)
                        .WithColumn("Size").AsInt32().WithDefaultValue((int)Size.Large)
                        .WithColumn(nameof(Shapes)).AsString(Length * 2).Nullable()
                        .WithColumn("Flag").AsBoolean().WithDefaultValue(true)
                        .WithColumn("Code").AsFixedLengthString(3).WithDefaultValue('x'.ToString());

                    Alter.Table(Tables.Dynamic).AddColumn(Computed).AsString(int.MaxValue).Nullable();
                    Create.Index("IX_" + Orders + "_UserId").OnTable(Orders).InSchema("sales").OnColumn("UserId").Ascending();
                    var local = "Local";
                    Rename.Column("Name").OnTable(local).To("FullName");
                    Delete.Column("Legacy").Column("Older").FromTable(Tables.Users);
                    IfDatabase("SqlServer", "Postgres").Execute.Sql("DELETE FROM " + Tables.Users);
                    Execute.Sql($"UPDATE {Tables.Users} SET Name = '{local}'");
                    Execute.Sql(@"UPDATE ""Users"" SET ""Name"" = 'x'");
                    Execute.Sql(Sql());
                    this.Insert.IntoTable(Orders).Row(new { UserId = 1, Note = default(string) });
                    Update.Table(Orders).Set(new { Note = "" }).Where(new { Id = 1 });
                    Delete.FromTable(Orders).Row(new { Id = -1L });
                    Create.UniqueConstraint().OnTable(Orders).Columns(new[] { "UserId", "Note" });
                    Insert.IntoTable(Orders).Row(new System.Collections.Generic.Dictionary<string, object> { ["Id"] = 2 });
                }

                public override void Down()
                {
                    Delete.Table(Orders).InSchema("sales");
                    Execute.WithConnection((connection, transaction) => { });
                }

                private static string Sql() => "SELECT 1";
            }
            """);
        Assert.Empty(TestCompilation.Errors(compilation));

        var result = SyntaxReadingComparison.CompareFluentMigrator(compilation);
        _output.WriteLine($"{result.Operations} operations in {result.FromSyntax} statements");
        Assert.Empty(result.Differences);
        Assert.True(result.Operations >= 15, result.Operations.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task IfDatabase_of_the_migration_class_itself_is_not_read_as_FluentMigrators()
    {
        // The syntax reading takes IfDatabase(…).Execute as FluentMigrator's only when every IfDatabase the name can
        // call is FluentMigrator's; here the class declares one of its own, so both readings must skip the chain.
        var compilation = await TestCompilation.CreateAsync("""
            using FluentMigrator;

            public sealed class Scripts
            {
                public Scripts Execute => this;

                public void Sql(string sql)
                {
                }
            }

            [Migration(202401011300)]
            public class OwnIfDatabase : Migration
            {
                public override void Up()
                {
                    IfDatabase("SqlServer").Execute.Sql("DELETE FROM Users");
                    Create.Table("Kept").WithColumn("Id").AsInt32();
                }

                public override void Down()
                {
                    Delete.Table("Kept");
                }

                private new Scripts IfDatabase(string database) => new Scripts();
            }
            """);
        Assert.Empty(TestCompilation.Errors(compilation));

        var result = SyntaxReadingComparison.CompareFluentMigrator(compilation);
        Assert.Empty(result.Differences);
        Assert.Equal(2, result.Operations);
    }

    [Fact]
    public async Task A_name_is_shared_between_classes_only_where_it_means_the_same()
    {
        // Names bound at a class's position are shared by classes of the same base type, namespace and usings that do
        // not declare the name themselves; each class here breaks one of those, so each must read its own Tables.
        var compilation = await TestCompilation.CreateAsync(
            TestReferences.FluentMigrator,
            ("/0/Alpha.cs", """
                using FluentMigrator;

                namespace Shop.Alpha
                {
                    public static class Tables { public const string Name = "AlphaUsers"; }

                    [Migration(1)]
                    public class First : Migration
                    {
                        public override void Up() => Create.Table(Tables.Name).WithColumn("Id").AsInt32();

                        public override void Down() => Delete.Table(Tables.Name);
                    }
                }
                """),
            ("/0/Beta.cs", """
                using FluentMigrator;

                namespace Shop.Beta
                {
                    public static class Tables { public const string Name = "BetaUsers"; }

                    [Migration(2)]
                    public class Second : Migration
                    {
                        public override void Up() => Create.Table(Tables.Name).WithColumn("Id").AsInt32();

                        public override void Down() => Delete.Table(Tables.Name);
                    }
                }
                """),
            ("/0/AlphaOwn.cs", """
                using FluentMigrator;

                namespace Shop.Alpha
                {
                    [Migration(3)]
                    public class Third : Migration
                    {
                        public override void Up() => Create.Table(Tables.Name).WithColumn("Id").AsInt32();

                        public override void Down() => Delete.Table(Tables.Name);

                        private static class Tables { public const string Name = "OwnUsers"; }
                    }
                }
                """),
            ("/0/AlphaFile.cs", """
                using FluentMigrator;

                namespace Shop.Alpha
                {
                    file static class Tables { public const string Name = "FileUsers"; }

                    [Migration(4)]
                    public class Fourth : Migration
                    {
                        public override void Up() => Create.Table(Tables.Name).WithColumn("Id").AsInt32();

                        public override void Down() => Delete.Table(Tables.Name);
                    }
                }
                """),
            ("/0/AlphaAlias.cs", """
                using FluentMigrator;
                using Tables = Shop.Beta.Tables;

                namespace Shop.Alpha.Aliased
                {
                    [Migration(5)]
                    public class Fifth : Migration
                    {
                        public override void Up() => Create.Table(Tables.Name).WithColumn("Id").AsInt32();

                        public override void Down() => Delete.Table(Tables.Name);
                    }
                }
                """));
        Assert.Empty(TestCompilation.Errors(compilation));

        var result = SyntaxReadingComparison.CompareFluentMigrator(compilation);
        Assert.True(result.Differences.Count == 0, string.Join("\n", result.Differences));
        Assert.Equal(10, result.Operations);

        var catalog = MigrationAnalyzers.Reading.MigrationCatalog.For(compilation);
        Assert.Equal(
            // Fifth's alias is in the file's usings, and Shop.Alpha around its namespace declares Tables first.
            new[] { "AlphaUsers", "BetaUsers", "OwnUsers", "FileUsers", "AlphaUsers" },
            catalog.All.Select(migration => migration.Up.Operations.Single().Table).ToArray());
    }

    [Fact]
    public async Task Generated_corpus_chains_read_from_syntax_equal_what_the_semantic_model_reads()
    {
        var compilation = await TestCompilation.OfCorpusAsync(600);

        var result = SyntaxReadingComparison.CompareFluentMigrator(compilation);
        _output.WriteLine($"{result.Operations} operations in {result.FromSyntax} statements");
        Assert.True(result.Differences.Count == 0, string.Join("\n", result.Differences.Take(40)));
        Assert.True(result.Operations > 300, result.Operations.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
