using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>The customer portal lists a shop's shipments newest first.</summary>
    [Migration(202409021000)]
    public class IndexShipmentsCreatedAt : Migration
    {
        public override void Up()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");

            Create.Index("ix_shipments_created_at").OnTable("shipments").OnColumn("created_at").Descending();
        }

        public override void Down()
        {
            Delete.Index("ix_shipments_created_at").OnTable("shipments");
        }
    }
}
