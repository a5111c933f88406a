using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(36)]
    public class import_list_foreign_key : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.ForeignKey("FK_Episodes_Podcasts").FromTable("Episodes").ForeignColumn("PodcastId")
                .ToTable("Podcasts").PrimaryColumn("Id")
                .OnDelete(System.Data.Rule.Cascade);
        }
    }
}
