using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddInvoiceUpdatedAtTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Invoices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql(@"
                CREATE OR REPLACE FUNCTION touch_invoice() RETURNS trigger AS $$
                BEGIN
                    UPDATE ""Invoices"" SET ""UpdatedAt"" = now() WHERE ""Id"" = NEW.""InvoiceId"";
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;

                CREATE TRIGGER invoice_lines_touch_invoice
                    AFTER INSERT OR UPDATE ON ""InvoiceLines""
                    FOR EACH ROW EXECUTE FUNCTION touch_invoice();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
                DROP TRIGGER IF EXISTS invoice_lines_touch_invoice ON ""InvoiceLines"";
                DROP FUNCTION IF EXISTS touch_invoice();");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Invoices");
        }
    }
}
