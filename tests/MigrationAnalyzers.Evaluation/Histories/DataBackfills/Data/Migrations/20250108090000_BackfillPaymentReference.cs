using System;
using Ledgerly.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    // Step 1 of making Payments.Reference required without scanning Payments under an ACCESS EXCLUSIVE lock:
    // fill the gaps (then a NOT VALID check, its validation, and SET NOT NULL, each in a migration of its own).
    [DbContext(typeof(LedgerlyDbContext))]
    [Migration("20250108090000_BackfillPaymentReference")]
    public partial class BackfillPaymentReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Payments\" SET \"Reference\" = 'legacy-' || \"Id\" WHERE \"Reference\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The generated references stay: they are valid values and nothing tells them apart from imported ones.
        }
    }
}
