using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(10)]
    public class add_podcast_images : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("Podcasts").AddColumn("Images").AsString().Nullable();
            Alter.Table("Podcasts").AddColumn("Overview").AsString().Nullable();
        }
    }
}
