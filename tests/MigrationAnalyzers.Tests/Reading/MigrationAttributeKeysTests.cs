using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Tests.Reading;

/// <summary>
/// The syntax-only keys of [Migration(…)] attributes that let MIG1100 rule a clash out without reading every migration
/// of the history (which the IDE would otherwise pay for each document): literals are read, anything else makes the
/// tree opaque, so the semantic index decides.
/// </summary>
public class MigrationAttributeKeysTests
{
    private static MigrationAttributeKeys Keys(string source)
        => MigrationAttributeKeys.Of(CSharpSyntaxTree.ParseText(source), CancellationToken.None);

    [Fact]
    public void EF_Core_ids_give_the_id_and_the_timestamp()
    {
        var keys = Keys("""
            [DbContext(typeof(ShopContext))]
            [Migration("20240101120000_AddUsers")]
            partial class AddUsers { }

            namespace Shop { [Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute(@"20240102120000_AddOrders")] partial class AddOrders { } }
            """);
        Assert.False(keys.IsOpaque);
        Assert.Equal(new[] { "id:20240101120000_AddUsers", "at:20240101120000", "id:20240102120000_AddOrders", "at:20240102120000" }, keys.Keys);
    }

    [Fact]
    public void FluentMigrator_versions_give_the_position()
    {
        var keys = Keys("""
            namespace Shop.Migrations
            {
                [Migration(2024_01_01_1200, "users")] public class AddUsers { }
                [Migration(202401011300L)] public class AddOrders { }
                [Migration(7)] public class AddNotes { }
            }
            """);
        Assert.False(keys.IsOpaque);
        Assert.Equal(new[] { "at:202401011200", "at:202401011300", "at:7" }, keys.Keys);
    }

    [Theory]
    [InlineData("[Migration(Versions.AddUsers)] public class AddUsers { }")]
    [InlineData("[Migration(202401011200 + 1)] public class AddUsers { }")]
    [InlineData("[Migration($\"{Prefix}_AddUsers\")] public class AddUsers { }")]
    [InlineData("[Migration(-1)] public class AddUsers { }")]
    [InlineData("using Id = Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute;\n[Id(\"20240101120000_AddUsers\")] public class AddUsers { }")]
    public void What_the_syntax_cannot_read_makes_the_tree_opaque(string source)
        => Assert.True(Keys(source).IsOpaque);

    [Fact]
    public void Trees_that_do_not_mention_the_attribute_have_no_keys()
    {
        var keys = Keys("public class OrderService { public void Place() { } }");
        Assert.False(keys.IsOpaque);
        Assert.Empty(keys.Keys);
    }

    [Fact]
    public void Attributes_in_method_bodies_and_other_attributes_are_not_read()
    {
        var keys = Keys("""
            [Obsolete("20240101120000_AddUsers")]
            public class Migrations
            {
                public void Run() { var migration = new Migration("20240101120000_AddUsers"); }
            }
            """);
        Assert.False(keys.IsOpaque);
        Assert.Empty(keys.Keys.ToList());
    }
}
