using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>Carrier codes follow the booking API's short form from now on; "name" becomes "display_name" as in the API.</summary>
    [Migration(202410281000)]
    public class TidyCarriers : Migration
    {
        public override void Up()
        {
            Alter.Column("code").OnTable("carriers").AsString(16).NotNullable();

            Rename.Column("name").OnTable("carriers").To("display_name");
        }

        public override void Down()
        {
            Rename.Column("display_name").OnTable("carriers").To("name");

            Alter.Column("code").OnTable("carriers").AsString(32).NotNullable();
        }
    }
}
