using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>E-mails and SMS sent to recipients ("out for delivery", "delivered"), with the template data they were rendered from.</summary>
    [Migration(202404021000)]
    public class CreateCustomerNotifications : Migration
    {
        public override void Up()
        {
            Create.Table("recipient_notifications")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("shipment_id").AsInt64().NotNullable()
                .WithColumn("channel").AsString(16).NotNullable()
                .WithColumn("template").AsString(64).NotNullable()
                .WithColumn("data").AsCustom("jsonb").NotNullable()
                .WithColumn("queued_at").AsDateTimeOffset().NotNullable()
                .WithColumn("sent_at").AsCustom("timestamptz").Nullable();

            // A new, empty table: nothing waits for this lock.
            Create.Index("ix_recipient_notifications_shipment").OnTable("recipient_notifications").OnColumn("shipment_id").Ascending();
            Alter.Table("recipient_notifications").AddColumn("provider_message_id").AsString(128).Nullable();
        }

        public override void Down()
        {
            Delete.Table("recipient_notifications");
        }
    }
}
