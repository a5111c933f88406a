using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(14)]
    public class add_season_folder : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("Podcasts").AddColumn("UseSeasonFolder").AsBoolean();
        }
    }
}
