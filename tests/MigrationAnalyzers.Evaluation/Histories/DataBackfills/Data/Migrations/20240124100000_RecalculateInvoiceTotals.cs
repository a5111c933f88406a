using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    // Invoice totals were rounded per line before 2024; recalculate them from the lines with banker's rounding.
    public partial class RecalculateInvoiceTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.SqlResource("20240124100000_RecalculateInvoiceTotals.sql");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("Totals are recalculated from the invoice lines; the previous values are not kept.");
        }
    }
}
