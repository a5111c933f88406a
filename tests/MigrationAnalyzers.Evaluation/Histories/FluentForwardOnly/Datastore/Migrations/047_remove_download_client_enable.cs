using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(47)]
    public class remove_download_client_enable : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("DownloadClients").AddColumn("Enabled").AsBoolean().NotNullable().WithDefaultValue(true);
            Execute.Sql("UPDATE \"DownloadClients\" SET \"Enabled\" = \"Enable\"");
        }
    }
}
