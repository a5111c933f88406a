using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(5)]
    public class add_tags : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("Tags")
                .WithColumn("Label").AsString().Unique();

            Alter.Table("Podcasts").AddColumn("Tags").AsString().Nullable();
            Alter.Table("Notifications").AddColumn("Tags").AsString().Nullable();

            Update.Table("Podcasts").Set(new { Tags = "[]" }).AllRows();
            Update.Table("Notifications").Set(new { Tags = "[]" }).AllRows();
        }
    }
}
