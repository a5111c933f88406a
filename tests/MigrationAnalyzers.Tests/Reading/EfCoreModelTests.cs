using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Reading;

public class EfCoreModelTests
{
    private const string Migration = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            public static class Tables
            {
                public const string Users = "Users";
            }

            public partial class AddOrders : Migration
            {
                private const string Schema = "sales";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: Schema);

                    migrationBuilder.CreateTable(
                        name: "Orders",
                        schema: Schema,
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            UserId = table.Column<int>(nullable: false),
                            Total = table.Column<decimal>(name: "total_amount", precision: 18, scale: 2, nullable: false, defaultValue: 0m)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Orders", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Orders_Users_UserId",
                                column: x => x.UserId,
                                principalTable: Tables.Users,
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.AddColumn<string>("Email", Tables.Users, maxLength: 200, nullable: true);

                    migrationBuilder.CreateIndex(
                        name: "IX_Orders_UserId_Total",
                        schema: Schema,
                        table: "Orders",
                        columns: new[] { "UserId", nameof(AddOrders) },
                        unique: true)
                        .Annotation("Npgsql:CreatedConcurrently", true);

                    migrationBuilder.RenameColumn(name: "Name", table: Tables.Users, newName: "FullName");
                    migrationBuilder.Sql("UPDATE " + Tables.Users + " SET FullName = ''", suppressTransaction: true);
                    CreateAuditTrigger(migrationBuilder);
                }

                private static void CreateAuditTrigger(MigrationBuilder migrationBuilder) { }
            }
        }
        """;

    [Fact]
    public async Task Operations_are_read_with_names_resolved_from_literals_constants_and_nameof()
    {
        var compilation = await TestCompilation.CreateAsync(Migration);
        Assert.Empty(TestCompilation.Errors(compilation));
        var migration = Assert.Single(MigrationCatalog.For(compilation).All);
        var up = migration.Up;

        Assert.Equal(
            new[] { MigrationOperationKind.EnsureSchema, MigrationOperationKind.CreateTable, MigrationOperationKind.AddColumn, MigrationOperationKind.CreateIndex, MigrationOperationKind.RenameColumn, MigrationOperationKind.Sql },
            up.Operations.Select(o => o.Kind));

        // The helper of the migration's own class is read in place of its call; being empty, it adds nothing.
        Assert.Empty(up.UnrecognizedStatements);
        Assert.Single(up.CalledMethods);

        Assert.Equal("sales", up.Operations[0].Name);

        var create = up.Operations[1];
        Assert.Equal(("Orders", "sales"), (create.Table, create.Schema));
        Assert.Equal(new[] { "Id", "UserId", "total_amount" }, create.ColumnDefinitions.Select(c => c.Name));
        Assert.Equal(Microsoft.CodeAnalysis.SpecialType.System_Int32, create.ColumnDefinitions[0].ClrType!.SpecialType);
        Assert.False(create.ColumnDefinitions[0].IsNullable);
        Assert.True(create.ColumnDefinitions[2].HasDefault);
        Assert.Equal(new[] { MigrationOperationKind.AddPrimaryKey, MigrationOperationKind.AddForeignKey }, create.Constraints.Select(c => c.Kind));
        Assert.Equal(new[] { "UserId" }, create.Constraints[1].Columns);
        Assert.Equal("Users", create.Constraints[1].PrincipalTable);

        var addColumn = up.Operations[2];
        Assert.Equal(("Users", "Email"), (addColumn.Table, addColumn.Name));
        Assert.Equal(200, addColumn.Column!.GetArgument("maxLength")!.IntValue);
        Assert.True(addColumn.Column.IsNullable);

        var index = up.Operations[3];
        Assert.Equal(new[] { "UserId", "AddOrders" }, index.Columns);
        Assert.True(index.Annotations["Npgsql:CreatedConcurrently"].BoolValue);
        Assert.StartsWith("migrationBuilder.CreateIndex(", index.Syntax.ToString());
        Assert.EndsWith(".Annotation(\"Npgsql:CreatedConcurrently\", true)", index.Syntax.ToString());

        var rename = up.Operations[4];
        Assert.Equal(("Users", "Name", "FullName"), (rename.Table, rename.Name, rename.NewName));

        var sql = up.Operations[5];
        Assert.Equal("UPDATE Users SET FullName = ''", sql.SqlText);
        Assert.True(sql.SuppressesTransaction);
    }

    [Fact]
    public async Task Migrations_are_ordered_by_timestamp_and_grouped_by_context()
    {
        static string Migration(string name, string id, string context) => $$"""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            [DbContext(typeof({{context}}))]
            [Migration("{{id}}")]
            public class {{name}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) { }
            }
            """;

        var compilation = await TestCompilation.CreateAsync(
            "using Microsoft.EntityFrameworkCore; public class ShopContext : DbContext { } public class AuditContext : DbContext { }",
            Migration("Second", "20240102000000_Second", "ShopContext"),
            Migration("First", "20240101000000_First", "ShopContext"),
            Migration("Audit", "20240101500000_Audit", "AuditContext"));
        var catalog = MigrationCatalog.For(compilation);

        Assert.Equal(new[] { "First", "Audit", "Second" }, catalog.All.Select(m => m.Name));
        var second = catalog.All.Single(m => m.Name == "Second");
        Assert.Equal(20240102000000, second.Position);
        Assert.Equal(new[] { "First" }, catalog.Earlier(second).Select(m => m.Name));
        Assert.Empty(catalog.Later(second));
        Assert.Same(catalog, MigrationCatalog.For(compilation));
    }

    [Fact]
    public async Task Classes_that_only_look_like_migrations_are_ignored()
    {
        var compilation = await TestCompilation.CreateAsync("""
            public class Migration { }
            public class AddUsers : Migration { protected void Up(object migrationBuilder) { } }
            public abstract class BaseMigration : Microsoft.EntityFrameworkCore.Migrations.Migration { }
            """);
        Assert.Empty(MigrationCatalog.For(compilation).All);
    }
}
