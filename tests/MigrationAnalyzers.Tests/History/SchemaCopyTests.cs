using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.History;

/// <summary>
/// A copy of the replayed schema shares its tables with the schema it was copied from until it changes one. Every kind
/// of change made to the copy leaves the original as a replay without the change makes it, and the copy as a replay
/// with it: checkpoints that every migration starts from, in every compilation of the same trees, never change.
/// </summary>
public class SchemaCopyTests
{
    private const string History = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data
        {
            public class ShopContext : DbContext { }
        }

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240101000000_Initial")]
            public partial class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Users",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Name = table.Column<string>(type: "text", nullable: true),
                            Email = table.Column<string>(type: "text", nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            UserId = table.Column<int>(type: "integer", nullable: false)
                        });
                    migrationBuilder.CreateIndex(name: "IX_Users_Name", table: "Users", column: "Name");
                    migrationBuilder.CreateIndex(name: "IX_Orders_UserId", table: "Orders", column: "UserId");
                    migrationBuilder.AddCheckConstraint(name: "CK_Users_Email", table: "Users", sql: "\"Email\" IS NOT NULL");
                    migrationBuilder.AddColumn<int>(name: "Legacy", table: "Archive", type: "integer", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder) { }
            }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240102000000_EveryChange")]
            public partial class EveryChange : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "Phone", table: "Users", type: "text", nullable: true);
                    migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);
                    migrationBuilder.RenameColumn(name: "Name", table: "Users", newName: "FullName");
                    migrationBuilder.DropColumn(name: "Phone", table: "Users");
                    migrationBuilder.UpdateData(table: "Users", keyColumn: "Id", keyValue: 1, column: "FullName", value: "x");
                    migrationBuilder.Sql("UPDATE \"Orders\" SET \"UserId\" = 0; ALTER TABLE \"Orders\" ADD CONSTRAINT \"CK_Orders_UserId\" CHECK (\"UserId\" IS NOT NULL) NOT VALID;");
                    migrationBuilder.DropCheckConstraint(name: "CK_Users_Email", table: "Users");
                    migrationBuilder.RenameIndex(name: "IX_Users_Name", table: "Users", newName: "IX_Users_FullName");
                    migrationBuilder.DropIndex(name: "IX_Orders_UserId");
                    migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
                    migrationBuilder.DropPrimaryKey(name: "PK_Users", table: "Users");
                    migrationBuilder.AddPrimaryKey(name: "PK_Orders", table: "Orders", column: "Id");
                    migrationBuilder.AlterColumn<long>(name: "Legacy", table: "Archive", type: "bigint", nullable: true);
                    migrationBuilder.RenameTable(name: "Orders", newName: "Purchases");
                }

                protected override void Down(MigrationBuilder migrationBuilder) { }
            }
        }
        """;

    [Fact]
    public async Task Changing_a_copy_leaves_the_original_as_it_was_and_the_copy_as_a_replay_makes_it()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        Assert.Empty(TestCompilation.Errors(compilation));
        var catalog = MigrationCatalog.For(compilation);
        var first = catalog.All[0].Up.Operations;
        var second = catalog.All[1].Up.Operations;

        var original = Replay(first);
        var expectedOriginal = Describe(original);
        var copy = original.Clone();
        Apply(copy, second, step: 1);

        Assert.Equal(expectedOriginal, Describe(original));
        Assert.Equal(Describe(Replay(first, second)), Describe(copy));
        Assert.NotEqual(expectedOriginal, Describe(copy));

        // And the other way round: the original changed after the copy was made leaves the copy alone.
        var untouched = Replay(first).Clone();
        var changed = Replay(first);
        var sharing = changed.Clone();
        Apply(changed, second, step: 1);
        Assert.Equal(Describe(untouched), Describe(sharing));
    }

    private static SchemaHistory Replay(params System.Collections.Immutable.ImmutableArray<MigrationAnalyzers.Operations.MigrationOperation>[] ups)
    {
        var schema = new SchemaHistory();
        for (var step = 0; step < ups.Length; step++)
        {
            Apply(schema, ups[step], step);
        }

        return schema;
    }

    private static void Apply(SchemaHistory schema, System.Collections.Immutable.ImmutableArray<MigrationAnalyzers.Operations.MigrationOperation> up, int step)
    {
        schema.Enter(step);
        foreach (var operation in up)
        {
            schema.Apply(operation);
        }
    }

    private static string Describe(SchemaHistory schema)
        => string.Join(
            "\n",
            new[] { "Users", "Orders", "Purchases", "Archive" }.Select(name => schema.FindTableFacts(null, name) is not { } table
                ? $"{name}: none"
                : $"{table.Name} partial {table.IsPartial} created {table.CreatedAt} named {table.NamedAt}; "
                  + string.Join(", ", table.Columns.Select(c => $"{c.Name} added {c.AddedAt} named {c.NamedAt} backfilled {c.BackfilledAt} nullable {c.IsNullable} from-sql {c.NullableFromSql}"))
                  + "; indexes " + string.Join(", ", table.Indexes.Select(i => $"{i.Name}({string.Join(",", i.Columns)})"))
                  + "; keys " + string.Join(", ", table.Keys.Select(k => $"{k.Kind} {k.Name}({string.Join(",", k.Columns)})"))
                  + "; checks " + string.Join(", ", table.NotNullChecks.Select(c => $"{c.Name} {c.Column} {c.IsValidated}"))));
}
