using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    [Migration(202403181200)]
    public class AddCarrierApiVersion : Migration
    {
        public override void Up()
        {
            Alter.Table("carriers")
                .AddColumn("api_version").AsString(16).Nullable();
        }

        public override void Down()
        {
            Delete.Column("api_version").FromTable("carriers");
        }
    }
}
