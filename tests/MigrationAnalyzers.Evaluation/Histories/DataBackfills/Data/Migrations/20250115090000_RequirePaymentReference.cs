using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequirePaymentReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL 12+ proves NOT NULL from the validated check instead of scanning Payments.
            migrationBuilder.AlterColumn<string>(
                name: "Reference",
                table: "Payments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            // Dropped in its own statement: dropped in the same ALTER TABLE, SET NOT NULL would scan again.
            migrationBuilder.Sql("ALTER TABLE \"Payments\" DROP CONSTRAINT \"CK_Payments_Reference_NotNull\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Payments\" ADD CONSTRAINT \"CK_Payments_Reference_NotNull\" CHECK (\"Reference\" IS NOT NULL) NOT VALID;");

            migrationBuilder.AlterColumn<string>(
                name: "Reference",
                table: "Payments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);
        }
    }
}
