using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediabox.Database.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMediaItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MediaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    SortName = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Path = table.Column<string>(type: "TEXT", nullable: true),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TopParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DateCreated = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DateModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RunTimeTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    ProductionYear = table.Column<int>(type: "INTEGER", nullable: true),
                    CommunityRating = table.Column<double>(type: "REAL", nullable: true),
                    OfficialRating = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    InheritedParentalRatingValue = table.Column<int>(type: "INTEGER", nullable: true),
                    IsFolder = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsVirtualItem = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLocked = table.Column<bool>(type: "INTEGER", nullable: true),
                    PresentationKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    Images = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaItems_MediaItems_ParentId",
                        column: x => x.ParentId,
                        principalTable: "MediaItems",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_ParentId",
                table: "MediaItems",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_Kind_TopParentId",
                table: "MediaItems",
                columns: new[] { "Kind", "TopParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_PresentationKey",
                table: "MediaItems",
                column: "PresentationKey");

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_SortName",
                table: "MediaItems",
                column: "SortName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediaItems");
        }
    }
}
