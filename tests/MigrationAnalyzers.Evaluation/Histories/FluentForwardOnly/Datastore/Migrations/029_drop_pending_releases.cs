using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(29)]
    public class drop_pending_releases : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            // Pending releases are rebuilt from the next RSS sync; nothing in them is user data.
            Delete.Table("PendingReleases");
        }
    }
}
