using Mediabox.Database.Entities;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediabox.Database.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMediaItemExtraType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExtraType",
                table: "MediaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: (int)ExtraType.Unknown);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExtraType",
                table: "MediaItems");
        }
    }
}
