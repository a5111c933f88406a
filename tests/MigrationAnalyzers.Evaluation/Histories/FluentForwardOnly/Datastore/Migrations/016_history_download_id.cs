using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(16)]
    public class history_download_id : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("History").AddColumn("DownloadId").AsString().Nullable().Indexed();
        }
    }
}
