using System;
using Ledgerly.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    // Step 3: VALIDATE scans Payments under SHARE UPDATE EXCLUSIVE, which lets the nightly import write.
    [DbContext(typeof(LedgerlyDbContext))]
    [Migration("20250108092000_ValidatePaymentReferenceCheck")]
    public partial class ValidatePaymentReferenceCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Payments\" VALIDATE CONSTRAINT \"CK_Payments_Reference_NotNull\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the state after AddPaymentReferenceCheck: the same check, not validated.
            migrationBuilder.Sql("ALTER TABLE \"Payments\" DROP CONSTRAINT \"CK_Payments_Reference_NotNull\";");
            migrationBuilder.Sql("ALTER TABLE \"Payments\" ADD CONSTRAINT \"CK_Payments_Reference_NotNull\" CHECK (\"Reference\" IS NOT NULL) NOT VALID;");
        }
    }
}
