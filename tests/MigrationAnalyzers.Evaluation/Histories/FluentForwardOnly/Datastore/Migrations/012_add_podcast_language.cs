using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(12)]
    public class add_podcast_language : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("Podcasts").AddColumn("Language").AsString().Nullable();
        }
    }
}
