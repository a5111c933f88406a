using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediabox.Database.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMaxActiveSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxActiveSessions",
                schema: "media",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxActiveSessions",
                schema: "media",
                table: "Users");
        }
    }
}
