using FluentMigrator;
using System.Collections.Generic;
using System.Data;
using System.Text.Json;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(26)]
    public class update_notification_triggers : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Execute.WithConnection(ConvertTriggers);
        }

        private void ConvertTriggers(IDbConnection conn, IDbTransaction tran)
        {
            var updates = new List<NotificationSettings26>();
            foreach (var (id, settings) in conn.ReadIdAndText(tran, "SELECT \"Id\", \"Settings\" FROM \"Notifications\""))
            {
                var legacy = JsonSerializer.Deserialize<LegacySettings25>(settings ?? "{}") ?? new LegacySettings25();
                updates.Add(new NotificationSettings26
                {
                    Id = id,
                    Settings = JsonSerializer.Serialize(new { legacy.Host, legacy.Port, UseSsl = legacy.Secure }),
                });
            }

            foreach (var update in updates)
            {
                using var command = conn.CreateCommand();
                command.Transaction = tran;
                command.CommandText = "UPDATE \"Notifications\" SET \"Settings\" = ? WHERE \"Id\" = ?";
                command.AddParameter(update.Settings);
                command.AddParameter(update.Id);
                command.ExecuteNonQuery();
            }
        }

        private class LegacySettings25
        {
            public string Host { get; set; } = "";
            public int Port { get; set; }
            public bool Secure { get; set; }
        }

        private class NotificationSettings26
        {
            public int Id { get; set; }
            public string Settings { get; set; } = "";
        }
    }
}
