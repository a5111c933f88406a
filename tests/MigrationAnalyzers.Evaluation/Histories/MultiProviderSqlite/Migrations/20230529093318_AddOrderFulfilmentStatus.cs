using Microsoft.EntityFrameworkCore.Migrations;
using Storefront.Domain;

#nullable disable

namespace Storefront.Migrations.Sqlite.Migrations
{
    // Orders that exist before this release have all been shipped.
    /// <inheritdoc />
    public partial class AddOrderFulfilmentStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FulfilmentStatus",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: (int)OrderStatus.Shipped);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FulfilmentStatus",
                table: "Orders");
        }
    }
}
