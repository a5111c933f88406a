using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.OneStepRenameAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class OneStepRenameAnalyzerTests
{
    private const string NoFixForTable = RenameNoFix.TableOnUnknownDatabase;

    private const string Id = "20240301090000_RenameUserName";

    [Fact]
    public async Task EfCore_RenameColumn_is_reported_on_the_call()
    {
        var up = """
                        {|#0:migrationBuilder.RenameColumn(
                            name: "Name",
                            table: "Users",
                            newName: "FullName")|};
            """;
        var down = """
                        migrationBuilder.RenameColumn(name: "FullName", table: "Users", newName: "Name");
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(
            EfMigration("RenameUserName", Id, up, down),
            null,
            Verifier.Diagnostic("MIG1040").WithLocation(0).WithArguments("column", "Users.Name", "FullName", RenameNoFix.OnUnknownDatabase));
    }

    [Fact]
    public async Task EfCore_RenameTable_with_schema_and_constants_is_reported()
    {
        var up = """
                        {|#0:migrationBuilder.RenameTable(name: Tables.Customers, schema: "sales", newName: nameof(Tables.Clients), newSchema: "sales")|};
                    }

                    private static class Tables
                    {
                        public const string Customers = "Customers";
                        public const string Clients = "x";
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(
            EfMigration("RenameUserName", Id, up),
            null,
            Verifier.Diagnostic("MIG1040").WithLocation(0).WithArguments("table", "sales.Customers", "sales.Clients", NoFixForTable));
    }

    [Fact]
    public async Task EfCore_same_name_RenameTable_moves_the_table_between_schemas_and_is_silent()
    {
        var up = """
                        migrationBuilder.RenameTable(name: "Users", schema: "identity", newName: "Users", newSchema: null);
                        migrationBuilder.RenameTable(name: "Roles", newName: "Roles", newSchema: "identity");
                        {|#0:migrationBuilder.RenameTable(name: "Claims", schema: "identity", newName: "UserClaims", newSchema: null)|};
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(
            EfMigration("RenameUserName", Id, up),
            null,
            Verifier.Diagnostic("MIG1040").WithLocation(0).WithArguments("table", "identity.Claims", "UserClaims", NoFixForTable));
    }

    // The fix's shape: the old name stays usable through a view, so old instances keep working. A view under another
    // name, or in another schema than the renamed table, does not keep the old name.
    [Fact]
    public async Task EfCore_RenameTable_followed_by_a_view_under_the_old_name_is_silent()
    {
        var up = """
                        migrationBuilder.RenameTable(name: "Customers", newName: "Clients");
                        migrationBuilder.Sql("CREATE VIEW \"Customers\" AS SELECT * FROM \"Clients\";");
                        migrationBuilder.RenameTable(name: "Orders", schema: "sales", newName: "Purchases", newSchema: "sales");
                        migrationBuilder.Sql("CREATE OR REPLACE VIEW sales.Orders AS SELECT * FROM sales.Purchases");
                        {|#0:migrationBuilder.RenameTable(name: "Invoices", schema: "billing", newName: "Bills", newSchema: "billing")|};
                        migrationBuilder.Sql("CREATE VIEW Invoices AS SELECT * FROM billing.Bills; CREATE VIEW other.Invoices AS SELECT * FROM billing.Bills;");
                        {|#1:migrationBuilder.RenameTable(name: "Payments", newName: "Transfers")|};
                        migrationBuilder.Sql("CREATE VIEW PaymentsView AS SELECT * FROM Transfers");
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(
            EfMigration("RenameUserName", Id, up),
            null,
            Verifier.Diagnostic("MIG1040").WithLocation(0).WithArguments("table", "billing.Invoices", "billing.Bills", NoFixForTable),
            Verifier.Diagnostic("MIG1040").WithLocation(1).WithArguments("table", "Payments", "Transfers", NoFixForTable));
    }

    [Fact]
    public async Task FluentMigrator_Rename_Table_followed_by_a_view_under_the_old_name_is_silent()
    {
        var up = """
                        Rename.Table("Customers").InSchema("sales").To("Clients");
                        Execute.Sql("CREATE VIEW \"sales\".\"Customers\" AS SELECT * FROM \"sales\".\"Clients\";");
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(new[] { FmMigration("RenameUserName", 202403010900, up) }, null);
    }

    [Fact]
    public async Task EfCore_rename_of_a_table_created_earlier_in_the_same_migration_is_silent()
    {
        var up = """
                        migrationBuilder.CreateTable(
                            name: "Draft",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false),
                                Title = table.Column<string>(type: "TEXT", nullable: true)
                            },
                            constraints: table => table.PrimaryKey("PK_Draft", x => x.Id));

                        migrationBuilder.RenameTable(name: "Draft", newName: "Posts");
                        migrationBuilder.RenameColumn(name: "Title", table: "Posts", newName: "Heading");
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(EfMigration("RenameUserName", Id, up), null);
    }

    [Fact]
    public async Task EfCore_rename_of_a_column_added_earlier_in_the_same_migration_is_silent()
    {
        var up = """
                        migrationBuilder.AddColumn<string>(name: "Nick", table: "Users", type: "TEXT", nullable: true);
                        migrationBuilder.RenameColumn(name: "Nick", table: "Users", newName: "Nickname");
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(EfMigration("RenameUserName", Id, up), null);
    }

    [Fact]
    public async Task EfCore_rename_of_a_table_created_one_migration_earlier_is_reported()
    {
        const string firstId = "20240301080000_AddDrafts";
        var create = """
                        migrationBuilder.CreateTable(
                            name: "Draft",
                            columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Draft", x => x.Id));
            """;
        var rename = """
                        {|#0:migrationBuilder.RenameTable(name: "Draft", newName: "Posts")|};
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(
            EfMigration("AddDrafts", firstId, create, """            migrationBuilder.DropTable(name: "Draft");""").Concat(EfMigration("RenameUserName", Id, rename)),
            null,
            Verifier.Diagnostic("MIG1040").WithLocation(0).WithArguments("table", "Draft", "Posts", RenameNoFix.TableOnSqlite));
    }

    [Fact]
    public async Task EfCore_renames_in_Down_are_silent()
    {
        var up = """
                        migrationBuilder.AddColumn<string>(name: "Nick", table: "Users", type: "TEXT", nullable: true);
            """;
        var down = """
                        migrationBuilder.RenameColumn(name: "FullName", table: "Users", newName: "Name");
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(EfMigration("RenameUserName", Id, up, down), null);
    }

    [Fact]
    public async Task Baseline_silences_renames_in_older_migrations()
    {
        var up = """
                        migrationBuilder.RenameColumn(name: "Name", table: "Users", newName: "FullName");
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(EfMigration("RenameUserName", Id, up), "migration_analyzers.baseline = 20240301090000_RenameUserName\n");
    }

    [Fact]
    public async Task FluentMigrator_Rename_Column_and_Rename_Table_are_reported()
    {
        var up = """
                        {|#0:Rename.Column("Name").OnTable("Users").To("FullName")|};
                        {|#1:Rename
                            .Table("Customers").InSchema("sales")
                            .To("Clients")|};
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(
            new[] { FmMigration("RenameUserName", 202403010900, up) },
            null,
            Verifier.Diagnostic("MIG1040").WithLocation(0).WithArguments("column", "Users.Name", "FullName", RenameNoFix.OnUnknownDatabase),
            Verifier.Diagnostic("MIG1040").WithLocation(1).WithArguments("table", "sales.Customers", "Clients", NoFixForTable));
    }

    [Fact]
    public async Task FluentMigrator_rename_of_a_table_created_in_the_same_migration_is_silent()
    {
        var up = """
                        Create.Table("Draft")
                            .WithColumn("Id").AsInt32().PrimaryKey()
                            .WithColumn("Title").AsString(200).Nullable();
                        Rename.Table("Draft").To("Posts");
                        Rename.Column("Title").OnTable("Posts").To("Heading");
            """;
        await VerifyAsync<OneStepRenameAnalyzer>(new[] { FmMigration("RenameUserName", 202403010900, up) }, null);
    }

    [Fact]
    public async Task SuppressMessage_with_a_justification_silences_the_rename()
    {
        var source = FmMigration("RenameUserName", 202403010900, """
                        Rename.Column("Name").OnTable("Users").To("FullName");
            """);
        source.Text = source.Text.Replace(
            "    [Migration(",
            "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"MigrationSafety\", \"MIG1040\", Justification = \"Users is only read by the batch job, stopped during deploys\")]\n    [Migration(");
        await VerifyAsync<OneStepRenameAnalyzer>(new[] { source }, null);
    }
}
