using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>The dispatcher now retries failed calls; each row records which attempt it was.</summary>
    [Migration(202406171100)]
    public class AddWebhookDeliveryAttempt : Migration
    {
        public override void Up()
        {
            Alter.Table("webhook_deliveries")
                .AddColumn("attempt").AsInt16().NotNullable().WithDefaultValue(1);
        }

        public override void Down()
        {
            Delete.Column("attempt").FromTable("webhook_deliveries");
        }
    }
}
