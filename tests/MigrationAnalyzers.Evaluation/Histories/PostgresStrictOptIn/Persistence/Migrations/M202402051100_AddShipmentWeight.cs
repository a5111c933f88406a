using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    [Migration(202402051100)]
    public class AddShipmentWeight : Migration
    {
        public override void Up()
        {
            // Give up after 5 s instead of queueing every query on shipments behind our ACCESS EXCLUSIVE request;
            // the migration job retries.
            Execute.Sql("SET LOCAL lock_timeout = '5s';");

            Alter.Table("shipments")
                .AddColumn("weight_grams").AsInt32().Nullable()
                .AddColumn("length_mm").AsInt32().Nullable()
                .AddColumn("width_mm").AsInt32().Nullable()
                .AddColumn("height_mm").AsInt32().Nullable();
        }

        public override void Down()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");
            Delete.Column("weight_grams").Column("length_mm").Column("width_mm").Column("height_mm").FromTable("shipments");
        }
    }
}
