using FluentMigrator;
using System.Data;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(15)]
    public class clean_feed_urls : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Execute.WithConnection(TrimFeedUrls);
        }

        private void TrimFeedUrls(IDbConnection conn, IDbTransaction tran)
        {
            foreach (var (id, feedUrl) in conn.ReadIdAndText(tran, "SELECT \"Id\", \"FeedUrl\" FROM \"Podcasts\""))
            {
                if (feedUrl is null || feedUrl == feedUrl.Trim())
                {
                    continue;
                }

                using var update = conn.CreateCommand();
                update.Transaction = tran;
                update.CommandText = "UPDATE \"Podcasts\" SET \"FeedUrl\" = ? WHERE \"Id\" = ?";
                update.AddParameter(feedUrl.Trim());
                update.AddParameter(id);
                update.ExecuteNonQuery();
            }
        }
    }
}
