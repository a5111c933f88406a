using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using System;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(19)]
    public class add_users : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("Users")
                .WithColumn("Identifier").AsString().Unique()
                .WithColumn("Username").AsString().Unique()
                .WithColumn("Password").AsString()
                .WithColumn("Salt").AsString().Nullable()
                .WithColumn("Iterations").AsInt32().Nullable();

            Insert.IntoTable("Users").Row(new
            {
                Identifier = Guid.NewGuid().ToString(),
                Username = "admin",
                Password = "",
            });
        }
    }
}
