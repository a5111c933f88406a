using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>Monthly invoices the carriers send us, imported from their billing APIs as they come (one line per parcel).</summary>
    [Migration(202409161000)]
    public class CreateCarrierInvoices : Migration
    {
        public override void Up()
        {
            Create.Table("carrier_invoices")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("carrier_id").AsInt64().NotNullable()
                .WithColumn("number").AsString(64).NotNullable()
                .WithColumn("period_start").AsDate().NotNullable()
                .WithColumn("period_end").AsDate().NotNullable()
                .WithColumn("raw").AsCustom("json").NotNullable()
                .WithColumn("imported_at").AsDateTimeOffset().NotNullable();

            Create.Table("carrier_invoice_lines")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("invoice_id").AsInt64().NotNullable()
                    .ForeignKey("fk_carrier_invoice_lines_invoices", "carrier_invoices", "id")
                .WithColumn("tracking_number").AsString(64).NotNullable()
                .WithColumn("amount").AsDecimal(12, 2).NotNullable();

            Create.Index("ix_carrier_invoices_carrier_number").OnTable("carrier_invoices")
                .OnColumn("carrier_id").Ascending()
                .OnColumn("number").Ascending()
                .WithOptions().Unique();
        }

        public override void Down()
        {
            Delete.Table("carrier_invoice_lines");
            Delete.Table("carrier_invoices");
        }
    }
}
