using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(3)]
    public class add_download_clients : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("DownloadClients")
                .WithColumn("Enable").AsBoolean()
                .WithColumn("Name").AsString()
                .WithColumn("Implementation").AsString()
                .WithColumn("Settings").AsString()
                .WithColumn("ConfigContract").AsString();
        }
    }
}
