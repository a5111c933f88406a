using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Ledgerly.Domain;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDeliveryStatusLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeliveryStatusLabels",
                columns: table => new
                {
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryStatusLabels", x => x.Status);
                });

            migrationBuilder.InsertData(
                table: "DeliveryStatusLabels",
                columns: new[] { "Status", "Label" },
                values: new object[,]
                {
                    { (int)InvoiceDeliveryStatus.NotSent, "Not sent" },
                    { (int)InvoiceDeliveryStatus.Queued, "Queued" },
                    { (int)InvoiceDeliveryStatus.Delivered, "Delivered" },
                    { (int)InvoiceDeliveryStatus.Bounced, "Bounced" }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryStatusLabels");
        }
    }
}
