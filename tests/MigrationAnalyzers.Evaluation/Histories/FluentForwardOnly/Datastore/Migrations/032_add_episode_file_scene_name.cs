using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(32)]
    public class add_episode_file_scene_name : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("EpisodeFiles").AddColumn("SceneName").AsString().Nullable();
            Alter.Table("EpisodeFiles").AddColumn("ReleaseGroup").AsString().Nullable();
        }
    }
}
