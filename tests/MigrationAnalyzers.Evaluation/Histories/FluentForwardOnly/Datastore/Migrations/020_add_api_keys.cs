using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(20)]
    public class add_api_keys : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("ApiKeys")
                .WithColumn("UserId").AsInt32().Indexed()
                .WithColumn("Key").AsString(64).Unique()
                .WithColumn("Created").AsDateTime();
        }
    }
}
