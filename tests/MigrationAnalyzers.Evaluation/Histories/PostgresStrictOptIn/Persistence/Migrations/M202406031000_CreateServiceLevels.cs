using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    [Migration(202406031000)]
    public class CreateServiceLevels : Migration
    {
        public override void Up()
        {
            // Keyed by the numeric code the carriers' booking APIs use (1 = standard, 2 = express, ...): nothing is generated.
            Create.Table("service_levels")
                .WithColumn("code").AsInt32().PrimaryKey()
                .WithColumn("name").AsString(64).NotNullable()
                .WithColumn("max_transit_days").AsInt16().NotNullable();

            Insert.IntoTable("service_levels")
                .Row(new { code = 1, name = "Standard", max_transit_days = 5 })
                .Row(new { code = 2, name = "Express", max_transit_days = 2 })
                .Row(new { code = 3, name = "Same day", max_transit_days = 0 });

            Create.Table("api_keys")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("customer_id").AsInt64().NotNullable()
                .WithColumn("key_hash").AsString(128).NotNullable().Unique()
                .WithColumn("scopes").AsCustom("jsonb").NotNullable()
                .WithColumn("expires_at").AsDateTimeOffset().Nullable();
        }

        public override void Down()
        {
            Delete.Table("api_keys");
            Delete.Table("service_levels");
        }
    }
}
