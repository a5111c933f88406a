using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    [Migration(202401081000, "Carriers, shipments and tracking events")]
    public class InitialSchema : Migration
    {
        public override void Up()
        {
            Create.Table("carriers")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("code").AsString(32).NotNullable().Unique()
                .WithColumn("name").AsString(200).NotNullable()
                .WithColumn("settings").AsCustom("jsonb").NotNullable().WithDefaultValue("{}")
                .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentUTCDateTime);

            Create.Table("shipments")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("carrier_id").AsInt64().NotNullable().ForeignKey("fk_shipments_carriers", "carriers", "id")
                .WithColumn("tracking_number").AsString(64).NotNullable()
                .WithColumn("recipient").AsCustom("jsonb").NotNullable()
                .WithColumn("created_at").AsDateTimeOffset().NotNullable();

            Create.Index("ix_shipments_carrier_tracking").OnTable("shipments")
                .OnColumn("carrier_id").Ascending()
                .OnColumn("tracking_number").Ascending()
                .WithOptions().Unique();

            Create.Table("tracking_events")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("shipment_id").AsInt64().NotNullable().ForeignKey("fk_tracking_events_shipments", "shipments", "id")
                .WithColumn("status").AsString(32).NotNullable()
                .WithColumn("occurred_at").AsDateTimeOffset().NotNullable()
                .WithColumn("payload").AsCustom("jsonb").Nullable();

            Create.Index("ix_tracking_events_shipment_occurred").OnTable("tracking_events")
                .OnColumn("shipment_id").Ascending()
                .OnColumn("occurred_at").Descending();
        }

        public override void Down()
        {
            Delete.Table("tracking_events");
            Delete.Table("shipments");
            Delete.Table("carriers");
        }
    }
}
