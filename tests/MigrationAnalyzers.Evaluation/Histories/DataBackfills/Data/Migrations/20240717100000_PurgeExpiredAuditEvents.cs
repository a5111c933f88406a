using System;
using Ledgerly.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    [DbContext(typeof(LedgerlyDbContext))]
    [Migration("20240717100000_PurgeExpiredAuditEvents")]
    public partial class PurgeExpiredAuditEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Retention policy: audit events are kept for two years (contract clause 9.2).
            migrationBuilder.Sql("DELETE FROM \"AuditEvents\" WHERE \"OccurredAt\" < now() - interval '2 years';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("Purged audit events cannot be restored; restore a backup if needed.");
        }
    }
}
