using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(25)]
    public class add_episode_file_format_index : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.Index().OnTable("EpisodeFiles").OnColumn("PodcastId");
        }
    }
}
