using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CopyShipmentCarrierToCarrierCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Shipments\" SET \"CarrierCode\" = UPPER(\"Carrier\") WHERE \"CarrierCode\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // CarrierCode is dropped by AddShipmentCarrierCode's Down.
        }
    }
}
