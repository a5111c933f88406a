using FluentMigrator;

namespace Library.Schema.Migrations;

[Migration(202401050900, "Authors")]
public class M202401050900_CreateAuthors : LibraryMigration
{
    public override void Up()
    {
        Create.Table("Authors")
            .WithColumn("Id").AsInt32().NotNullable().PrimaryKey().Identity()
            .WithColumn("Name").AsString(200).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("Authors");
    }
}
