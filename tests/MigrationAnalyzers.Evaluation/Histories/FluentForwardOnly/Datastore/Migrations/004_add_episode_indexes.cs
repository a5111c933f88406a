using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(4)]
    public class add_episode_indexes : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            // The library is opened by one process; nothing else writes while migrations run.
            Create.Index("IX_Episodes_PodcastId_Guid").OnTable("Episodes")
                .OnColumn("PodcastId").Ascending()
                .OnColumn("Guid").Ascending()
                .WithOptions().Unique();

            Create.Index().OnTable("History").OnColumn("Date");
        }
    }
}
