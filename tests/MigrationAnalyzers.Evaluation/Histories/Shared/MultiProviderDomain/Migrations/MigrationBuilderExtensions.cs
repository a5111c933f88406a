using System;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Storefront.Data.Migrations
{
    // Linked into every migrations project (<Compile Include="..\Storefront.Data\Migrations\MigrationBuilderExtensions.cs" />)
    // so that the PostgreSQL, MySQL and SQLite migrations seed settings the same way.
    public static class MigrationBuilderExtensions
    {
        private const string SettingsTable = "Settings";

        public static void InsertSetting(this MigrationBuilder migrationBuilder, string key, string value)
        {
            if (migrationBuilder == null) throw new ArgumentNullException(nameof(migrationBuilder));

            migrationBuilder.InsertData(
                table: SettingsTable,
                columns: new[] { "Key", "Value" },
                values: new object[] { key, value });
        }

        public static void DeleteSetting(this MigrationBuilder migrationBuilder, string key)
        {
            if (migrationBuilder == null) throw new ArgumentNullException(nameof(migrationBuilder));

            migrationBuilder.DeleteData(
                table: SettingsTable,
                keyColumn: "Key",
                keyValue: key);
        }

        public static bool IsPostgreSql(this MigrationBuilder migrationBuilder) =>
            migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

        public static bool IsMySql(this MigrationBuilder migrationBuilder) =>
            migrationBuilder.ActiveProvider == "Pomelo.EntityFrameworkCore.MySql";
    }
}
