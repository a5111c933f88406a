using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class ReplaceWebhookSecretWithSigningKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SigningKey",
                table: "Webhooks",
                type: "varchar(128)",
                maxLength: 128,
                nullable: true).Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.DropColumn(
                name: "Secret",
                table: "Webhooks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Secret",
                table: "Webhooks",
                type: "varchar(128)",
                maxLength: 128,
                nullable: false).Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.DropColumn(
                name: "SigningKey",
                table: "Webhooks");
        }
    }
}
