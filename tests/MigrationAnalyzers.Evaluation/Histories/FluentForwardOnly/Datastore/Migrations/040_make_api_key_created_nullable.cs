using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(40)]
    public class make_api_key_created_nullable : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Column("Created").OnTable("ApiKeys").AsDateTime().Nullable();
        }
    }
}
