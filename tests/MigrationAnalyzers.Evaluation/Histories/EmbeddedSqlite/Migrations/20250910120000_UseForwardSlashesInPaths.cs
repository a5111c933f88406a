using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediabox.Database.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UseForwardSlashesInPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"MediaItems\" SET \"Path\" = REPLACE(\"Path\", '\\', '/') WHERE \"Path\" LIKE '%\\%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("The original path separators are not recorded; restore the backup taken before the upgrade.");
        }
    }
}
