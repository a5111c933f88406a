using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Reversal;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Reversal;

/// <summary>The signatures Up and Down are compared by: the kind's name, then the names the kind needs, after bars; none when a name is missing.</summary>
public class ReversalSignatureTests
{
    private const string Migration = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            public partial class Reshape : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: table => new { Id = table.Column<int>(nullable: false) });
                    migrationBuilder.AddColumn<string>(name: "Email", table: "Users", nullable: true);
                    migrationBuilder.RenameTable(name: "People", newName: "Persons");
                    migrationBuilder.RenameColumn(name: "Name", table: "Users", newName: "FullName");
                    migrationBuilder.RenameIndex(name: "IX_Old", newName: "IX_New");
                    migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
                    migrationBuilder.Sql("SELECT 1");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
        }
        """;

    [Fact]
    public async Task Each_operation_and_its_inverse_have_the_signatures_the_check_compares()
    {
        var compilation = await TestCompilation.CreateAsync(Migration);
        Assert.Empty(TestCompilation.Errors(compilation));
        var operations = Assert.Single(MigrationCatalog.For(compilation).All).Up.Operations;

        Assert.Equal(
            new[]
            {
                "CreateTable|Orders",
                "AddColumn|Users|Email",
                "RenameTable|People|Persons",
                "RenameColumn|Users|Name|FullName",
                "RenameIndex|IX_Old|IX_New",
                "CreateIndex|IX_Users_Email",
                "(none)",
            },
            operations.Select(ReversalCheck.Signature).Select(signature => signature ?? "(none)"));

        Assert.Equal(
            new[]
            {
                "DropTable|Orders",
                "DropColumn|Users|Email",
                "RenameTable|Persons|People",
                "RenameColumn|Users|FullName|Name",
                "RenameIndex|IX_New|IX_Old",
                "DropIndex|IX_Users_Email",
                "(none)",
            },
            operations.Select(ReversalCheck.InverseSignature).Select(signature => signature ?? "(none)"));
    }
}
