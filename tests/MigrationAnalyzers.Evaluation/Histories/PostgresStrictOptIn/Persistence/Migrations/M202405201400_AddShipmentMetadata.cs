using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>Free-form references a shop sends with the booking (order number, cost centre), searched by key.</summary>
    [Migration(202405201400)]
    public class AddShipmentMetadata : Migration
    {
        public override void Up()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");

            Alter.Table("shipments").AddColumn("metadata").AsCustom("jsonb").Nullable();
        }

        public override void Down()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");
            Delete.Column("metadata").FromTable("shipments");
        }
    }
}
