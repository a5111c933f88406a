using FluentMigrator;

namespace Library.Schema.Migrations;

[Migration(202401101200, "Books, each written by one author")]
public class M202401101200_CreateBooks : LibraryMigration
{
    private const string Books = "Books";

    public override void Up()
    {
        Create.Table(Books)
            .WithColumn("Id").AsInt32().NotNullable().PrimaryKey().Identity()
            .WithColumn("Title").AsString(400).NotNullable()
            .WithColumn("AuthorId").AsInt32().NotNullable()
                .ForeignKey(ForeignKeyName(Books, "AuthorId"), "Authors", "Id");

        Create.Index("IX_Books_AuthorId").OnTable(Books).OnColumn("AuthorId").Ascending();
    }

    public override void Down() // MIG1001: Down is empty, so a failed deployment cannot be rolled back
    {
    }
}
