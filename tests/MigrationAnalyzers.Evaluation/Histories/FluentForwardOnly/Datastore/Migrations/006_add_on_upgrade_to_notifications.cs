using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(6)]
    public class add_on_upgrade_to_notifications : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("Notifications").AddColumn("OnUpgrade").AsBoolean().NotNullable().WithDefaultValue(false);
            Execute.Sql("UPDATE \"Notifications\" SET \"OnUpgrade\" = \"OnDownload\"");
        }
    }
}
