using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations.PostgreSql.Migrations
{
    // The audit trail moved to the external store; give its disk space back to the operating system.
    /// <inheritdoc />
    public partial class ReclaimAuditEntriesSpace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("VACUUM FULL \"AuditEntries\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
