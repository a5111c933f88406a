using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(39)]
    public class episode_air_date_utc : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("Episodes").AddColumn("AirDateUtc").AsDateTime().Nullable();
            Execute.Sql("UPDATE \"Episodes\" SET \"AirDateUtc\" = \"AirDate\" WHERE \"AirDate\" IS NOT NULL");
        }
    }
}
