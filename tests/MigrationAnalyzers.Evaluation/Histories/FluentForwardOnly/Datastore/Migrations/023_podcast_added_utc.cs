using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(23)]
    public class podcast_added_utc : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            IfDatabase("postgres").Execute.Sql("ALTER TABLE \"Podcasts\" ALTER COLUMN \"Added\" TYPE timestamptz USING \"Added\" AT TIME ZONE 'UTC'");
        }
    }
}
