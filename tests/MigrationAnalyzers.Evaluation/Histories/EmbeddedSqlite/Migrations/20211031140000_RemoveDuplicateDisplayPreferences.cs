using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediabox.Database.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RemoveDuplicateDisplayPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
PRAGMA foreign_keys = OFF;
DELETE FROM ""DisplayPreferences""
WHERE ""Id"" NOT IN (SELECT MIN(""Id"") FROM ""DisplayPreferences"" GROUP BY ""UserId"", ""ItemId"", ""Client"");
PRAGMA foreign_keys = ON;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Duplicates cannot be restored; nothing to do.
        }
    }
}
