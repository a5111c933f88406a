using System;
using Ledgerly.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    [DbContext(typeof(LedgerlyDbContext))]
    [Migration("20240523080000_BackfillPaymentMethodId")]
    public partial class BackfillPaymentMethodId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Method was 0-based (Card = 0); PaymentMethods ids start at 1.
            migrationBuilder.Sql("UPDATE \"Payments\" SET \"PaymentMethodId\" = \"Method\" + 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Payments\" SET \"PaymentMethodId\" = NULL;");
        }
    }
}
