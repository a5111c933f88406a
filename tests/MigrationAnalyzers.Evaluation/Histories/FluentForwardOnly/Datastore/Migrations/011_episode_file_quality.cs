using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(11)]
    public class episode_file_quality : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Alter.Table("EpisodeFiles").AddColumn("Format").AsInt32().NotNullable().WithDefaultValue(0);
            Alter.Table("EpisodeFiles").AddColumn("Bitrate").AsInt32().Nullable();
        }
    }
}
