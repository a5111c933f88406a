using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>
    /// Every webhook call the dispatcher makes to a customer, with the body it sent. Support searches the bodies
    /// (payload->>'tracking_number') when a customer says an update never arrived.
    /// </summary>
    [Migration(202402191500)]
    public class CreateWebhookDeliveries : Migration
    {
        public override void Up()
        {
            Create.Table("webhook_subscriptions")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("customer_id").AsInt64().NotNullable()
                .WithColumn("url").AsString(2048).NotNullable()
                .WithColumn("secret").AsString(128).NotNullable()
                .WithColumn("created_at").AsDateTimeOffset().NotNullable();

            Create.Table("webhook_deliveries")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("subscription_id").AsInt64().NotNullable()
                    .ForeignKey("fk_webhook_deliveries_subscriptions", "webhook_subscriptions", "id")
                .WithColumn("payload").AsCustom("json").NotNullable()
                .WithColumn("response_status").AsInt32().Nullable()
                .WithColumn("sent_at").AsDateTimeOffset().NotNullable();

            Create.Index("ix_webhook_deliveries_subscription_sent").OnTable("webhook_deliveries")
                .OnColumn("subscription_id").Ascending()
                .OnColumn("sent_at").Descending();
        }

        public override void Down()
        {
            Delete.Table("webhook_deliveries");
            Delete.Table("webhook_subscriptions");
        }
    }
}
