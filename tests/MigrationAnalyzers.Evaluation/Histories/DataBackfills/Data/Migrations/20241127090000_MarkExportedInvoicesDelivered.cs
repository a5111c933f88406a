using System;
using Ledgerly.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    // Invoices sent through the manual PDF export never went through the delivery worker, so they still say NotSent (0).
    // They were delivered by hand: mark them Delivered (2).
    [DbContext(typeof(LedgerlyDbContext))]
    [Migration("20241127090000_MarkExportedInvoicesDelivered")]
    public partial class MarkExportedInvoicesDelivered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
                UPDATE ""Invoices""
                SET ""DeliveryStatus"" = 2
                WHERE ""DeliveryStatus"" = 0 AND ""SentAt"" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the column's default.
            migrationBuilder.Sql(@"UPDATE ""Invoices"" SET ""DeliveryStatus"" = 0;");
        }
    }
}
