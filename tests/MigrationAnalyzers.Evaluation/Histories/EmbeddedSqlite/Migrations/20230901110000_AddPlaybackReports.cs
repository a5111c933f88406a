using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediabox.Database.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPlaybackReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlaybackReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DeviceName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PlaybackMethod = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybackReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybackReports_UserId",
                table: "PlaybackReports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybackReports_ItemId",
                table: "PlaybackReports",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybackReports_StartedAt",
                table: "PlaybackReports",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlaybackReports");
        }
    }
}
