using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(49)]
    public class drop_download_client_enable : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            // Replaced by Enabled in migration 47, which copied it.
            Delete.Column("Enable").FromTable("DownloadClients");
        }
    }
}
