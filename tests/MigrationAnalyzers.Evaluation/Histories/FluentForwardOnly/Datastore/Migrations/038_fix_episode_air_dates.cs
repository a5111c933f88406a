using System;
using System.Collections.Generic;
using System.Data;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    // Feeds that publish RFC 822 dates without a zone were stored in local time before 3.2; move them to UTC.
    public class fix_episode_air_dates : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Execute.WithConnection(ShiftAirDates);
        }

        private void ShiftAirDates(IDbConnection conn, IDbTransaction tran)
        {
            var rows = new List<EpisodeAirDate38>();
            using (var select = conn.CreateCommand())
            {
                select.Transaction = tran;
                select.CommandText = "SELECT \"Id\", \"AirDate\" FROM \"Episodes\" WHERE \"AirDate\" IS NOT NULL";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add(new EpisodeAirDate38 { Id = reader.GetInt32(0), AirDate = reader.GetDateTime(1) });
                }
            }

            foreach (var row in rows)
            {
                using var update = conn.CreateCommand();
                update.Transaction = tran;
                update.CommandText = "UPDATE \"Episodes\" SET \"AirDate\" = ? WHERE \"Id\" = ?";
                update.AddParameter(DateTime.SpecifyKind(row.AirDate, DateTimeKind.Local).ToUniversalTime());
                update.AddParameter(row.Id);
                update.ExecuteNonQuery();
            }
        }

        private sealed class EpisodeAirDate38
        {
            public int Id { get; set; }
            public DateTime AirDate { get; set; }
        }
    }
}
