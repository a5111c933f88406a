using FluentMigrator;
using Podhoard.Core.Podcasts;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(28)]
    public class add_podcast_refresh_status : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("Podcasts").AddColumn("RefreshStatus").AsInt32().NotNullable().WithDefaultValue((int)PodcastStatus.Continuing);
        }
    }
}
