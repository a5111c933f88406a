using FluentMigrator;
using System.Data;
using Podhoard.Core.Podcasts;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(43)]
    public class fill_podcast_sort_title : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Execute.WithConnection(SetSortTitles);
        }

        private void SetSortTitles(IDbConnection conn, IDbTransaction tran)
        {
            foreach (var (id, title) in conn.ReadIdAndText(tran, "SELECT \"Id\", \"Title\" FROM \"Podcasts\""))
            {
                using var update = conn.CreateCommand();
                update.Transaction = tran;
                update.CommandText = "UPDATE \"Podcasts\" SET \"SortTitle\" = ? WHERE \"Id\" = ?";
                update.AddParameter(Podcast.Clean(title ?? ""));
                update.AddParameter(id);
                update.ExecuteNonQuery();
            }
        }
    }
}
