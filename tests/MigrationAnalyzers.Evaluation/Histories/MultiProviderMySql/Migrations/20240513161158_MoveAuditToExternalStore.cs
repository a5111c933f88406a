using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class MoveAuditToExternalStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Audit entries are shipped to the log store from now on; entries older than the retention period go.
            migrationBuilder.Sql("DELETE FROM `AuditEntries` WHERE `CreatedAt` < '2023-01-01';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
