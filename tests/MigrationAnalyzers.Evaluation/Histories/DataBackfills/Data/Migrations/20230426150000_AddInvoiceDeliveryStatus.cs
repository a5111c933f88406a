using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Ledgerly.Domain;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddInvoiceDeliveryStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeliveryStatus",
                table: "Invoices",
                type: "integer",
                nullable: false,
                defaultValue: (int)InvoiceDeliveryStatus.NotSent);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveryStatus",
                table: "Invoices");
        }
    }
}
