using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>Where an event came from: the carrier's push API, our polling job or a depot scanner.</summary>
    [Migration(202407151000)]
    public class AddTrackingEventSource : Migration
    {
        public override void Up()
        {
            // is_local = true: the setting ends with the migration's transaction, like SET LOCAL.
            Execute.Sql("SELECT set_config('lock_timeout', '5s', true);");

            Alter.Table("tracking_events").AddColumn("source").AsString(16).Nullable();
        }

        public override void Down()
        {
            Execute.Sql("SELECT set_config('lock_timeout', '5s', true);");
            Delete.Column("source").FromTable("tracking_events");
        }
    }
}
