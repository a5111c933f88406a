namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Migrations of the Orders history that both a fix's test (the exact text it writes) and its execution test (what
/// that text does on SQLite) start from, so the two always test the same input.
/// </summary>
internal static class OrderMigrationSources
{
    /// <summary>MIG1030's case: a NOT NULL column without a default added to a table that may hold rows.</summary>
    public const string AddOrderPriorityId = "20240301090000_AddOrderPriority";

    public const string AddOrderPriority = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddOrderPriority : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Priority",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: false);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Priority",
                        table: "Orders");
                }
            }
        }
        """;
}
