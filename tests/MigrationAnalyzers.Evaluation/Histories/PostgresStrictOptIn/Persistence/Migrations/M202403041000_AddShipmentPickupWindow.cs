using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>The pickup window the carrier confirms when the shipment is booked (its API answers in the depot's local time).</summary>
    [Migration(202403041000)]
    public class AddShipmentPickupWindow : Migration
    {
        public override void Up()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");

            Alter.Table("shipments")
                .AddColumn("pickup_from").AsCustom("timestamp").Nullable()
                .AddColumn("pickup_until").AsCustom("timestamp").Nullable();
        }

        public override void Down()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");
            Delete.Column("pickup_from").Column("pickup_until").FromTable("shipments");
        }
    }
}
