using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddInvoiceIssuedYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IssuedYear",
                table: "Invoices",
                type: "integer",
                nullable: true);

            migrationBuilder.Sql("UPDATE \"Invoices\" SET \"IssuedYear\" = EXTRACT(YEAR FROM \"IssuedAt\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IssuedYear",
                table: "Invoices");
        }
    }
}
