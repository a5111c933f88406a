using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(31)]
    public class add_download_client_priority : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("DownloadClients").AddColumn("Priority").AsInt32().WithDefaultValue(1);
        }
    }
}
