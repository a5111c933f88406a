using FluentMigrator;

namespace Parcelwise.Persistence.Migrations
{
    [Migration(202407291000)]
    public class AddShipmentServiceLevel : Migration
    {
        public override void Up()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");

            Alter.Table("shipments").AddColumn("service_level_code").AsInt32().Nullable();
        }

        public override void Down()
        {
            Execute.Sql("SET LOCAL lock_timeout = '5s';");
            Delete.Column("service_level_code").FromTable("shipments");
        }
    }
}
