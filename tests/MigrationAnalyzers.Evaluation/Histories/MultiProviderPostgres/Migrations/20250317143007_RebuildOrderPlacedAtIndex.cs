using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations.PostgreSql.Migrations
{
    // The index bloated after the 2024 archive purge; rebuilt without blocking checkout.
    /// <inheritdoc />
    public partial class RebuildOrderPlacedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("REINDEX INDEX CONCURRENTLY \"IX_Orders_PlacedAt\";", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
