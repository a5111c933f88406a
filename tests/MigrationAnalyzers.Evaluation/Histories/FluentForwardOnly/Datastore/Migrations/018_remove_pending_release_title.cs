using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(18)]
    public class remove_pending_release_title : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            // The title is parsed from the serialized release since migration 13; the column was never read.
            Delete.Column("Title").FromTable("PendingReleases");
        }
    }
}
