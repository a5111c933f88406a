using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(34)]
    public class clear_scheduled_tasks : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            // Task intervals are re-registered at start-up; the table is a cache.
            Execute.Sql("DELETE FROM \"ScheduledTasks\"");
        }
    }
}
