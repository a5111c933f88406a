using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>One row per label sent to a depot printer (about 3 M a day across the depots), kept for 18 months.</summary>
    [Migration(202401221400)]
    public class CreateLabelPrintJobs : Migration
    {
        public override void Up()
        {
            Create.Table("label_print_jobs")
                .WithColumn("id").AsInt32().PrimaryKey().Identity()
                .WithColumn("shipment_id").AsInt64().NotNullable()
                .WithColumn("printer").AsString(64).NotNullable()
                .WithColumn("format").AsString(8).NotNullable().WithDefaultValue("ZPL")
                .WithColumn("requested_at").AsDateTimeOffset().NotNullable()
                .WithColumn("printed_at").AsDateTimeOffset().Nullable();

            Create.Index("ix_label_print_jobs_shipment").OnTable("label_print_jobs").OnColumn("shipment_id").Ascending();
        }

        public override void Down()
        {
            Delete.Table("label_print_jobs");
        }
    }
}
