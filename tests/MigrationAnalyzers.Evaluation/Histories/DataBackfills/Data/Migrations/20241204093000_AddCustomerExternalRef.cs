using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCustomerExternalRef : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalRef",
                table: "Customers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.Sql(
                "CREATE UNIQUE INDEX CONCURRENTLY \"IX_Customers_TenantId_ExternalRef\" ON \"Customers\" (\"TenantId\", \"ExternalRef\");",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_ExternalRef",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ExternalRef",
                table: "Customers");
        }
    }
}
