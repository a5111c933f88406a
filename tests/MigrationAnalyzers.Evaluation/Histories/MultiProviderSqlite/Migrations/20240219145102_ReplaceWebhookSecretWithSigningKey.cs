using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 128,
                nullable: true);

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
                type: "TEXT",
                maxLength: 128,
                nullable: false);

            migrationBuilder.DropColumn(
                name: "SigningKey",
                table: "Webhooks");
        }
    }
}
