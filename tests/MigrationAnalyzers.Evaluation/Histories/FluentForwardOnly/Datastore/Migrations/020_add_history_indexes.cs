using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(20)]
    public class add_history_indexes : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.Index("IX_History_EpisodeId_Date").OnTable("History")
                .OnColumn("EpisodeId").Ascending()
                .OnColumn("Date").Descending();
        }
    }
}
