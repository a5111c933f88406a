using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>The daily hand-over list a depot prints for each carrier; closed by the depot app (DateTime.UtcNow).</summary>
    [Migration(202405061000)]
    public class CreateManifests : Migration
    {
        public override void Up()
        {
            Create.Table("manifests")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("carrier_id").AsInt64().NotNullable()
                .WithColumn("depot_code").AsString(16).NotNullable()
                .WithColumn("manifest_date").AsDate().NotNullable()
                .WithColumn("closed_at").AsDateTime().Nullable()
                .WithColumn("created_at").AsDateTimeOffset().NotNullable();

            Create.Table("manifest_shipments")
                .WithColumn("manifest_id").AsInt64().NotNullable().PrimaryKey()
                    .ForeignKey("fk_manifest_shipments_manifests", "manifests", "id")
                .WithColumn("shipment_id").AsInt64().NotNullable().PrimaryKey();

            // Every parcel scan at a depot door or belt, about 20 M a day.
            Create.Table("depot_scans")
                .WithColumn("id").AsInt32().PrimaryKey().Identity()
                .WithColumn("depot_code").AsString(16).NotNullable()
                .WithColumn("tracking_number").AsString(64).NotNullable()
                .WithColumn("scanner").AsString(32).NotNullable()
                .WithColumn("scanned_at").AsDateTimeOffset().NotNullable();

            Create.Index("ix_manifests_depot_date").OnTable("manifests")
                .OnColumn("depot_code").Ascending()
                .OnColumn("manifest_date").Ascending()
                .OnColumn("carrier_id").Ascending()
                .WithOptions().Unique();
        }

        public override void Down()
        {
            Delete.Table("depot_scans");
            Delete.Table("manifest_shipments");
            Delete.Table("manifests");
        }
    }
}
