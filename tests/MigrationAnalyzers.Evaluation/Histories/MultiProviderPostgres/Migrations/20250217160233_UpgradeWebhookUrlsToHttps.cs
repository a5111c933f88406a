using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Storefront.Migrations.PostgreSql.Migrations
{
    // Data only: deliveries over plain HTTP are refused from this release on.
    /// <inheritdoc />
    public partial class UpgradeWebhookUrlsToHttps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Webhooks\" SET \"Url\" = REPLACE(\"Url\", 'http://', 'https://') WHERE \"Url\" LIKE 'http://%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("Which webhook URLs used plain HTTP is not recorded; this data migration cannot be reverted.");
        }
    }
}
