using System;
using Ledgerly.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    // Step 2: the check applies to new rows at once; existing rows are checked by the next migration.
    [DbContext(typeof(LedgerlyDbContext))]
    [Migration("20250108091000_AddPaymentReferenceCheck")]
    public partial class AddPaymentReferenceCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Payments\" ADD CONSTRAINT \"CK_Payments_Reference_NotNull\" CHECK (\"Reference\" IS NOT NULL) NOT VALID;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Payments\" DROP CONSTRAINT IF EXISTS \"CK_Payments_Reference_NotNull\";");
        }
    }
}
