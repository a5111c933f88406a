using FluentMigrator;
using FluentMigrator.Postgres;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>tracking_events holds about 2 B rows: the index is built concurrently, outside a transaction.</summary>
    [Migration(202404151600, TransactionBehavior.None)]
    public class IndexTrackingEventsStatus : Migration
    {
        public override void Up()
        {
            Create.Index("ix_tracking_events_status_occurred").OnTable("tracking_events")
                .OnColumn("status").Ascending()
                .OnColumn("occurred_at").Descending()
                .WithOptions().AsConcurrently();
        }

        public override void Down()
        {
            Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_tracking_events_status_occurred;");
        }
    }
}
