using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCreditNoteExportView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "IssuedByUserId",
                table: "CreditNotes",
                type: "uuid",
                nullable: true);

            // Read by the accounting export (one file per tenant and month).
            migrationBuilder.Sql(@"
CREATE VIEW ""CreditNoteExport"" AS
SELECT cn.*, i.""Number"" AS ""InvoiceNumber"", i.""TenantId""
FROM ""CreditNotes"" cn
JOIN ""Invoices"" i ON i.""Id"" = cn.""InvoiceId"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP VIEW ""CreditNoteExport"";");

            migrationBuilder.DropColumn(
                name: "IssuedByUserId",
                table: "CreditNotes");
        }
    }
}
