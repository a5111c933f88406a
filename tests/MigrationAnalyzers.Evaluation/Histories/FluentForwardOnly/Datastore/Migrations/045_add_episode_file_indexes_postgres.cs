using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(45)]
    public class add_episode_file_indexes_postgres : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            IfDatabase("postgres").Execute.Sql("CREATE INDEX IF NOT EXISTS \"IX_EpisodeFiles_Path\" ON \"EpisodeFiles\" (\"Path\")");
            IfDatabase("sqlite").Create.Index("IX_EpisodeFiles_Path").OnTable("EpisodeFiles").OnColumn("Path");
        }
    }
}
