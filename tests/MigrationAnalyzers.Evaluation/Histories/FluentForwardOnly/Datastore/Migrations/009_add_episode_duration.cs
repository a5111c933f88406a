using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(9)]
    public class add_episode_duration : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("Episodes").AddColumn("DurationSeconds").AsInt32().NotNullable();
        }
    }
}
