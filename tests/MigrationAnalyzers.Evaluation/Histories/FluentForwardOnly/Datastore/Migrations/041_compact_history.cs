using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(41, TransactionBehavior.None)]
    public class compact_history : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Execute.Sql("DELETE FROM \"History\" WHERE \"Date\" < '2020-01-01'");
            Delete.Column("Data").FromTable("Blocklist");
            IfDatabase("sqlite").Execute.Sql("VACUUM");
        }
    }
}
