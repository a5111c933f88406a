using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Reading;

public class FluentMigratorModelTests
{
    [Fact]
    public async Task Fluent_chains_are_read_into_operations()
    {
        var compilation = await TestCompilation.CreateAsync("""
            using FluentMigrator;

            public abstract class ShopMigration : Migration
            {
                protected const string Users = "Users";
            }

            [Migration(202401011200, TransactionBehavior.None)]
            public class AddOrders : ShopMigration
            {
                public override void Up()
                {
                    Create.Table("Orders").InSchema("sales")
                        .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                        .WithColumn("UserId").AsInt32().NotNullable().ForeignKey("FK_Orders_Users", Users, "Id")
                        .WithColumn("Note").AsString(500).Nullable();

                    Alter.Table(Users)
                        .AddColumn("Email").AsString(200).Nullable()
                        .AlterColumn("Name").AsString(50).NotNullable();

                    Create.Index("IX_Orders_UserId").OnTable("Orders").InSchema("sales").OnColumn("UserId").Ascending();
                    Rename.Column("Name").OnTable(Users).To("FullName");
                    Delete.Column("Legacy").Column("Older").FromTable(Users);
                    IfDatabase("SqlServer").Execute.Sql("DELETE FROM Users");
                    this.Insert.IntoTable("Orders").Row(new { UserId = 1 });
                }

                public override void Down()
                {
                    Delete.Table("Orders").InSchema("sales");
                }
            }
            """);
        Assert.Empty(TestCompilation.Errors(compilation));
        var migration = Assert.Single(MigrationCatalog.For(compilation).All);
        Assert.Equal(202401011200, migration.Position);
        Assert.True(migration.RunsWithoutTransaction);
        Assert.Equal(MigrationStyle.Explicit, migration.Style);

        var up = migration.Up.Operations;
        Assert.Empty(migration.Up.UnrecognizedStatements);
        Assert.Equal(
            new[]
            {
                MigrationOperationKind.CreateTable, MigrationOperationKind.AddColumn, MigrationOperationKind.AlterColumn, MigrationOperationKind.CreateIndex,
                MigrationOperationKind.RenameColumn, MigrationOperationKind.DropColumn, MigrationOperationKind.DropColumn, MigrationOperationKind.Sql, MigrationOperationKind.InsertData,
            },
            up.Select(o => o.Kind));

        var create = up[0];
        Assert.Equal(("Orders", "sales"), (create.Table, create.Schema));
        Assert.Equal(new[] { "Id", "UserId", "Note" }, create.ColumnDefinitions.Select(c => c.Name));
        Assert.Equal(new[] { "AsInt32", "AsInt32", "AsString" }, create.ColumnDefinitions.Select(c => c.FluentType));
        Assert.Equal(new bool?[] { false, false, true }, create.ColumnDefinitions.Select(c => c.IsNullable));

        Assert.Equal(("Users", "Email"), (up[1].Table, up[1].Name));
        Assert.Equal(("Users", "Name"), (up[2].Table, up[2].Name));
        Assert.Equal(new[] { "UserId" }, up[3].Columns);
        Assert.Equal(("sales", "Orders"), (up[3].Schema, up[3].Table));
        Assert.Equal(("Users", "Name", "FullName"), (up[4].Table, up[4].Name, up[4].NewName));
        Assert.Equal(new[] { "Legacy", "Older" }, new[] { up[5].Name, up[6].Name });
        Assert.Equal("DELETE FROM Users", up[7].SqlText);
        Assert.Equal(new[] { "SqlServer" }, up[7].DatabaseConditions);
        Assert.Equal("Orders", up[8].Table);

        var down = Assert.Single(migration.Down.Operations);
        Assert.Equal((MigrationOperationKind.DropTable, "Orders", "sales"), (down.Kind, down.Table, down.Schema));
    }

    [Fact]
    public async Task Migration_styles_are_told_apart()
    {
        var compilation = await TestCompilation.CreateAsync("""
            using FluentMigrator;
            [Migration(1)] public class A : AutoReversingMigration { public override void Up() { Create.Table("A").WithColumn("Id").AsInt32(); } }
            [Migration(2)] public class B : ForwardOnlyMigration { public override void Up() { Execute.Sql("SELECT 1"); } }
            [Migration(3)] public class C : Migration { public override void Up() { } public override void Down() { } }
            """);
        var styles = MigrationCatalog.For(compilation).All.Select(m => (m.Name, m.Style));
        Assert.Equal(new[] { ("A", MigrationStyle.AutoReversing), ("B", MigrationStyle.ForwardOnly), ("C", MigrationStyle.Explicit) }, styles);
    }
}
