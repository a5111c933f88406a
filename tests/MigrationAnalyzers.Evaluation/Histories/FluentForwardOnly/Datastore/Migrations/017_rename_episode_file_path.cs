using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(17)]
    public class rename_episode_file_path : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            // Single-process app: nothing still reads the old name once the migration has run.
            Rename.Column("RelativePath").OnTable("EpisodeFiles").To("Path");
        }
    }
}
