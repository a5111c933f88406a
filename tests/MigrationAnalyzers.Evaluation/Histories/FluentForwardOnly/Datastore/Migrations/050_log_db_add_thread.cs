using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(50)]
    public class log_db_add_thread : PodhoardMigrationBase
    {
        protected override void UpgradeLog()
        {
            Alter.Table("Logs").AddColumn("Thread").AsString().Nullable();
        }
    }
}
