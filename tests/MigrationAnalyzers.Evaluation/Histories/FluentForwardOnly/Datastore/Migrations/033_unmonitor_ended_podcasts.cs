using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(33)]
    public class unmonitor_ended_podcasts : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            // Podcasts whose feed says they ended no longer need RSS checks.
            Execute.Sql("UPDATE \"Podcasts\" SET \"Monitored\" = false");
        }
    }
}
