using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(2)]
    public class add_notifications : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("Notifications")
                .WithColumn("Name").AsString()
                .WithColumn("Implementation").AsString()
                .WithColumn("Settings").AsString()
                .WithColumn("ConfigContract").AsString()
                .WithColumn("OnGrab").AsBoolean()
                .WithColumn("OnDownload").AsBoolean();
        }
    }
}
