using System;
using Ledgerly.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledgerly.Data.Migrations
{
    [DbContext(typeof(LedgerlyDbContext))]
    [Migration("20231026090000_CopyCustomerContactEmail")]
    public partial class CopyCustomerContactEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
                UPDATE ""Customers""
                SET ""ContactEmail"" = ""Email""
                WHERE ""ContactEmail"" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // ContactEmail is dropped when AddCustomerContactEmail is rolled back; Email was never changed.
        }
    }
}
