using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(42)]
    public class add_podcast_sort_title : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("Podcasts").AddColumn("SortTitle").AsString().Nullable();
        }
    }
}
