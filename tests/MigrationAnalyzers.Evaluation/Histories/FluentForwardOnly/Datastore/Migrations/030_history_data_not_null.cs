using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(30)]
    public class history_data_not_null : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Update.Table("History").Set(new { Data = "{}" }).Where(new { Data = (string?)null });
            Alter.Column("Data").OnTable("History").AsString().NotNullable();
        }
    }
}
