using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediabox.Database.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LowercaseUserDataKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
PRAGMA foreign_keys = OFF;
UPDATE ""UserData"" SET ""CustomDataKey"" = lower(""CustomDataKey"") WHERE ""CustomDataKey"" <> lower(""CustomDataKey"");
PRAGMA foreign_keys = ON;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Keys are compared case-insensitively by the server; the old casing is not needed.
        }
    }
}
