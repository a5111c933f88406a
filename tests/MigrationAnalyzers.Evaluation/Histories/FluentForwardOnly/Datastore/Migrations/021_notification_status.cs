using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(21)]
    public class notification_status : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("NotificationStatus")
                .WithColumn("ProviderId").AsInt32().Unique()
                .WithColumn("InitialFailure").AsDateTime().Nullable()
                .WithColumn("MostRecentFailure").AsDateTime().Nullable()
                .WithColumn("EscalationLevel").AsInt32()
                .WithColumn("DisabledTill").AsDateTime().Nullable();
        }
    }
}
