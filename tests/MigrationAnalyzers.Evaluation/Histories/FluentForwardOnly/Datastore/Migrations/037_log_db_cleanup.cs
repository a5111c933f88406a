using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(37)]
    public class log_db_cleanup : PodhoardMigrationBase
    {
        protected override void UpgradeLog()
        {
            Create.Index("IX_Logs_Level").OnTable("Logs").OnColumn("Level");
        }
    }
}
