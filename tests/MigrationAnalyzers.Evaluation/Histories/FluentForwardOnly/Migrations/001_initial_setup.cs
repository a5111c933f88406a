using Dispatch.Data.Migrations.Framework;
using FluentMigrator;

namespace Dispatch.Data.Migrations
{
    [Migration(1)]
    public class initial_setup : DispatchMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.Table("Customers")
                .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                .WithColumn("Name").AsString(200).NotNullable()
                .WithColumn("Email").AsString(320).Nullable();
        }
    }
}
