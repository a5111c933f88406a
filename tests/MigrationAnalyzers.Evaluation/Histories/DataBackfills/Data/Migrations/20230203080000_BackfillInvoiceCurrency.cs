using System;
using Ledgerly.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    [DbContext(typeof(LedgerlyDbContext))]
    [Migration("20230203080000_BackfillInvoiceCurrency")]
    public partial class BackfillInvoiceCurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every invoice issued before multi-currency support was in euros.
            migrationBuilder.Sql("UPDATE \"Invoices\" SET \"Currency\" = 'EUR';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: rolling back AddInvoiceCurrency drops the column.
        }
    }
}
