using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(27)]
    public class add_podcast_root_folders : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("RootFolders")
                .WithColumn("Path").AsString().Unique();

            Execute.Sql("INSERT INTO \"RootFolders\" (\"Path\") SELECT DISTINCT \"Path\" FROM \"Podcasts\"");
        }
    }
}
