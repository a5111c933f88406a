using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(24)]
    public class limit_episode_title : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Column("Title").OnTable("Episodes").AsString(200).NotNullable();
        }
    }
}
