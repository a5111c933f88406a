using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BackfillOrderSubtotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Orders\" SET \"Subtotal\" = (SELECT COALESCE(SUM(l.\"Quantity\" * l.\"UnitPrice\"), 0) FROM \"OrderLines\" l WHERE l.\"OrderId\" = \"Orders\".\"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the column is dropped by AddOrderSubtotal's Down.
        }
    }
}
