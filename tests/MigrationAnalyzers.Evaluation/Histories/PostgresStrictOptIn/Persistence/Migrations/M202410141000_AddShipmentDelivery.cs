using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>Set by the tracking importer (DateTime.UtcNow) when a carrier reports the parcel delivered.</summary>
    [Migration(202410141000)]
    public class AddShipmentDelivery : Migration
    {
        public override void Up()
        {
            Alter.Table("shipments")
                .AddColumn("delivered_at").AsDateTime().Nullable()
                .AddColumn("delivery_attempts").AsInt16().NotNullable();
        }

        public override void Down()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");
            Delete.Column("delivered_at").Column("delivery_attempts").FromTable("shipments");
        }
    }
}
