using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(48)]
    public class history_event_type_index : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.Index("IX_History_EventType").OnTable("History").OnColumn("EventType");
        }
    }
}
