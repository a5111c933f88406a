using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    /// <summary>Depots move from configuration into the database; the time zone turns carrier pickup windows into instants.</summary>
    [Migration(202408121000)]
    public class CreateDepots : Migration
    {
        public override void Up()
        {
            Create.Table("depots")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("code").AsString(16).NotNullable().Unique()
                .WithColumn("name").AsString(200).NotNullable()
                .WithColumn("time_zone").AsString(64).NotNullable()
                .WithColumn("opening_hours").AsCustom("jsonb").NotNullable()
                .WithColumn("created_at").AsDateTimeOffset().NotNullable();
        }

        public override void Down()
        {
            Delete.Table("depots");
        }
    }
}
