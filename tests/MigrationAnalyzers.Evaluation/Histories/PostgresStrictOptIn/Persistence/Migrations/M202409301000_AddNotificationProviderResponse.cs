using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>The SMS and e-mail providers' answers, kept so support can search them for bounce reasons.</summary>
    [Migration(202409301000)]
    public class AddNotificationProviderResponse : Migration
    {
        public override void Up()
        {
            Alter.Table("recipient_notifications")
                .AddColumn("provider_response").AsCustom("json").Nullable();
        }

        public override void Down()
        {
            Delete.Column("provider_response").FromTable("recipient_notifications");
        }
    }
}
