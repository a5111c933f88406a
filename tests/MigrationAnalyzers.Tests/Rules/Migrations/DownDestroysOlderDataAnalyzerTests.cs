using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Migrations;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.DownDestroysOlderDataAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>
/// MIG1081: two-migration histories, the first creating the tables, the second running raw SQL in Down. Down may destroy
/// what its own Up made; destroying what existed before Up ran is reported.
/// </summary>
public class DownDestroysOlderDataAnalyzerTests
{
    private const string First = "20240301090000_CreateOrders";
    private const string Second = "20240501090000_ArchiveOrders";

    private const string CreateOrders = """
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                Code = table.Column<string>(type: "text", nullable: true),
                                Status = table.Column<string>(type: "text", nullable: true)
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                        migrationBuilder.CreateTable(
                            name: "OrderArchive",
                            columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_OrderArchive", x => x.Id));
            """;

    /// <summary>
    /// CreateOrders, an index migration, then ArchiveOrders with <paramref name="up"/> and <paramref name="down"/>: the
    /// tables are older than the migration just before it (an UPDATE of that one's columns is a backfill, see below).
    /// </summary>
    private static IEnumerable<(string, string)> EfHistory(string up, string down)
        => EfMigration("CreateOrders", First, CreateOrders, "            migrationBuilder.DropTable(name: \"OrderArchive\");\n            migrationBuilder.DropTable(name: \"Orders\");")
            .Concat(EfMigration("AddOrderCodeIndex", "20240401090000_AddOrderCodeIndex", AddCodeIndex, "            migrationBuilder.DropIndex(name: \"IX_Orders_Code\", table: \"Orders\");"))
            .Concat(EfMigration("ArchiveOrders", Second, up, down));

    private const string AddCodeIndex = "            migrationBuilder.CreateIndex(name: \"IX_Orders_Code\", table: \"Orders\", column: \"Code\");";

    private static DiagnosticResult Diagnostic(int location, string migration, string problems)
        => Verifier.Diagnostic("MIG1081").WithLocation(location).WithArguments(migration, problems);

    private static Task Verify(IEnumerable<(string, string)> sources, params DiagnosticResult[] expected)
        => SchemaSafetySources.VerifyAsync<DownDestroysOlderDataAnalyzer>(sources, null, expected);

    [Fact]
    public async Task EfCore_Down_destroying_tables_and_columns_an_earlier_migration_created_is_reported()
    {
        await Verify(
            EfHistory(
                """
                            migrationBuilder.Sql("INSERT INTO \"OrderArchive\" SELECT \"Id\" FROM \"Orders\" WHERE \"Status\" = 'closed';");
                """,
                """
                            {|#0:migrationBuilder.Sql("TRUNCATE \"OrderArchive\";")|};
                            {|#1:migrationBuilder.Sql("DELETE FROM \"Orders\";")|};
                            {|#2:migrationBuilder.Sql(@"ALTER TABLE ""Orders"" DROP COLUMN ""Code"";")|};
                            {|#3:migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = 'open';")|};
                            {|#4:migrationBuilder.Sql("DROP TABLE public.\"OrderArchive\";")|};
                """),
            Diagnostic(0, "ArchiveOrders", "empties table 'OrderArchive' (TRUNCATE)"),
            Diagnostic(1, "ArchiveOrders", "deletes every row of 'Orders' (DELETE without WHERE)"),
            Diagnostic(2, "ArchiveOrders", "drops column 'Orders.Code'"),
            Diagnostic(3, "ArchiveOrders", "overwrites every row of 'Orders' (UPDATE without WHERE)"),
            Diagnostic(4, "ArchiveOrders", "drops table 'public.OrderArchive'"));
    }

    [Fact]
    public async Task EfCore_Down_dropping_what_its_own_Up_created_is_silent()
    {
        await Verify(EfHistory(
            """
                        migrationBuilder.CreateTable(
                            name: "Imports",
                            columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Imports", x => x.Id));
                        migrationBuilder.AddColumn<string>(name: "Notes", table: "Orders", type: "text", nullable: true);
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Notes\" = '';");
                        migrationBuilder.Sql("CREATE TABLE \"Staging\" (\"Id\" integer); ALTER TABLE \"Orders\" ADD COLUMN \"Flag\" boolean;");
            """,
            """
                        migrationBuilder.Sql("DROP TABLE \"Imports\";");
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Notes\" = NULL;");
                        migrationBuilder.Sql("ALTER TABLE \"Orders\" DROP COLUMN \"Notes\";");
                        migrationBuilder.Sql("DROP TABLE \"Staging\"; ALTER TABLE \"Orders\" DROP COLUMN \"Flag\";");
            """));
    }

    [Fact]
    public async Task EfCore_Down_converting_back_values_Up_converted_is_silent()
    {
        await Verify(EfHistory(
            """
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = upper(\"Status\");");
                        migrationBuilder.AlterColumn<string>(name: "Code", table: "Orders", type: "varchar(20)", nullable: true, oldClrType: typeof(string), oldType: "text", oldNullable: true);
            """,
            """
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = lower(\"Status\");");
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Code\" = trim(\"Code\");");
            """));
    }

    [Fact]
    public async Task EfCore_Down_resetting_every_row_after_Up_changed_only_some_is_reported()
    {
        // Up marks some orders; Down's "undo" resets the status of every order, also those set by the application.
        await Verify(
            EfHistory(
                """
                            migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = 'shipped' WHERE \"Status\" IS NULL AND \"Code\" IS NOT NULL;");
                """,
                """
                            {|#0:migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = NULL;")|};
                """),
            Diagnostic(0, "ArchiveOrders", "overwrites every row of 'Orders' (UPDATE without WHERE)"));
    }

    [Fact]
    public async Task EfCore_Down_emptying_a_column_the_previous_migration_added_is_silent_and_an_older_one_is_reported()
    {
        // The split backfill: one migration adds the column, the next fills it; Down of the fill empties it again.
        const string addNotes = "            migrationBuilder.AddColumn<string>(name: \"Notes\", table: \"Orders\", type: \"text\", nullable: true);";
        const string fill = "            migrationBuilder.Sql(\"UPDATE \\\"Orders\\\" SET \\\"Notes\\\" = \\\"Code\\\" WHERE \\\"Notes\\\" IS NULL;\");";
        const string empty = "            {|#0:migrationBuilder.Sql(\"UPDATE \\\"Orders\\\" SET \\\"Notes\\\" = NULL;\")|};";
        await Verify(EfMigration("CreateOrders", First, CreateOrders)
            .Concat(EfMigration("AddOrderCodeIndex", "20240401090000_AddOrderCodeIndex", AddCodeIndex))
            .Concat(EfMigration("AddNotes", "20240410090000_AddNotes", addNotes))
            .Concat(EfMigration("FillNotes", Second, fill, empty.Replace("{|#0:", string.Empty).Replace("|}", string.Empty))));

        await Verify(
            EfMigration("CreateOrders", First, CreateOrders)
                .Concat(EfMigration("AddNotes", "20240410090000_AddNotes", addNotes))
                .Concat(EfMigration("AddOrderCodeIndex", "20240415090000_AddOrderCodeIndex", AddCodeIndex))
                .Concat(EfMigration("FillNotes", Second, fill, empty)),
            Diagnostic(0, "FillNotes", "overwrites every row of 'Orders' (UPDATE without WHERE)"));
    }

    [Fact]
    public async Task EfCore_tables_the_history_does_not_show_and_targeted_statements_are_silent()
    {
        await Verify(EfHistory(
            string.Empty,
            """
                        migrationBuilder.Sql("DELETE FROM \"Customers\";");
                        migrationBuilder.Sql("TRUNCATE \"AuditLog\";");
                        migrationBuilder.Sql("DELETE FROM \"Orders\" WHERE \"Status\" = 'imported';");
                        migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = NULL WHERE \"Status\" = 'archived';");
            """));
    }

    [Fact]
    public async Task EfCore_table_Down_recreates_before_its_SQL_is_new()
    {
        // Up drops the old table; Down recreates it and fills it: nothing older is destroyed there.
        await Verify(EfHistory(
            """
                        migrationBuilder.DropTable(name: "OrderArchive");
            """,
            """
                        migrationBuilder.CreateTable(
                            name: "OrderArchive",
                            columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_OrderArchive", x => x.Id));
                        migrationBuilder.Sql("DELETE FROM \"OrderArchive\"; INSERT INTO \"OrderArchive\" SELECT \"Id\" FROM \"Orders\";");
            """));
    }

    [Fact]
    public async Task EfCore_the_first_migration_dropping_its_own_tables_in_Down_is_silent()
    {
        await Verify(EfMigration("CreateOrders", First, CreateOrders, "            migrationBuilder.Sql(\"DROP TABLE \\\"OrderArchive\\\"; DROP TABLE \\\"Orders\\\";\");"));
    }

    [Fact]
    public async Task The_same_statement_is_not_also_reported_by_MIG1080()
    {
        // MIG1080 reads Up only; the Down statement MIG1081 reports is not MIG1080's.
        await SchemaSafetySources.VerifyAsync<DestructiveRawSqlAnalyzer>(
            EfHistory(string.Empty, "            migrationBuilder.Sql(\"DELETE FROM \\\"Orders\\\";\");"),
            null);
    }

    private static readonly (string, string) FmCreateOrders = FmMigration("CreateOrders", 202403011000, """
                        Create.Table("Orders")
                            .WithColumn("Id").AsInt32().PrimaryKey()
                            .WithColumn("Code").AsString(20).Nullable();
            """, """
                        Delete.Table("Orders");
            """);

    [Fact]
    public async Task FluentMigrator_Down_emptying_an_older_table_is_reported()
    {
        var later = FmMigration("ArchiveOrders", 202405011000, """
                        Execute.Sql("INSERT INTO OrderArchive SELECT Id FROM Orders");
            """, """
                        {|#0:Execute.Sql("DELETE FROM Orders")|};
                        {|#1:Execute.Sql("ALTER TABLE Orders DROP COLUMN Code")|};
            """);
        await Verify(
            new[] { FmCreateOrders, later },
            Diagnostic(0, "ArchiveOrders", "deletes every row of 'Orders' (DELETE without WHERE)"),
            Diagnostic(1, "ArchiveOrders", "drops column 'Orders.Code'"));
    }

    [Fact]
    public async Task FluentMigrator_Down_dropping_its_own_table_unknown_tables_and_targeted_deletes_are_silent()
    {
        var later = FmMigration("AddImports", 202405011000, """
                        Create.Table("Imports").WithColumn("Id").AsInt32().PrimaryKey();
                        Alter.Table("Orders").AddColumn("Notes").AsString(200).Nullable();
            """, """
                        Execute.Sql("DROP TABLE Imports");
                        Execute.Sql("ALTER TABLE Orders DROP COLUMN Notes");
                        Execute.Sql("TRUNCATE TABLE Customers");
                        Execute.Sql("DELETE FROM Orders WHERE Code IS NULL");
            """);
        await Verify(new[] { FmCreateOrders, later });
    }
}
