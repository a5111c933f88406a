using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(13)]
    public class pending_releases : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("PendingReleases")
                .WithColumn("PodcastId").AsInt32()
                .WithColumn("Title").AsString()
                .WithColumn("Added").AsDateTime()
                .WithColumn("Release").AsString();
        }
    }
}
