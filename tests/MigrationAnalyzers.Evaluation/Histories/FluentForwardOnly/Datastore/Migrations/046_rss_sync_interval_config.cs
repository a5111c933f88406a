using FluentMigrator;
using Podhoard.Core.Configuration;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(46)]
    public class rss_sync_interval_config : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Update.Table("Config").Set(new { Value = ConfigDefaults.RssSyncIntervalMinutes.ToString() }).Where(new { Key = "rsssyncinterval", Value = "0" });
        }
    }
}
