using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    [Migration(202407011000)]
    public class CreateReturns : Migration
    {
        public override void Up()
        {
            Create.Table("returns")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("shipment_id").AsInt64().NotNullable()
                .WithColumn("reason").AsString(64).NotNullable()
                .WithColumn("label").AsCustom("jsonb").Nullable()
                .WithColumn("requested_at").AsDateTimeOffset().NotNullable()
                .WithColumn("received_at").AsDateTimeOffset().Nullable();

            // Created here, so no other session can hold a lock on it yet.
            Create.Index("ix_returns_shipment").OnTable("returns").OnColumn("shipment_id").Ascending();
            Create.Index("ix_returns_requested_at").OnTable("returns").OnColumn("requested_at").Descending();
        }

        public override void Down()
        {
            Delete.Table("returns");
        }
    }
}
