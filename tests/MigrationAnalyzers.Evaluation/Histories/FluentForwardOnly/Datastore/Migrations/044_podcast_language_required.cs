using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(44)]
    public class podcast_language_required : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Column("Language").OnTable("Podcasts").AsString().NotNullable();
        }
    }
}
