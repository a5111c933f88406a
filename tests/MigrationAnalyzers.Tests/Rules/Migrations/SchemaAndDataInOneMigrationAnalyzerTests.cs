using System.Threading.Tasks;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.SchemaAndDataInOneMigrationAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class SchemaAndDataInOneMigrationAnalyzerTests
{
    private const string Id = "20240301090000_AddOrderStatus";

    private static (string, string)[] EfMigration(string up, string down = "") => new[]
    {
        (Sources.DbContextPath, Sources.DbContext),
        (Sources.DesignerPath(Id), Sources.Designer("AddOrderStatus", Id)),
        (Sources.MigrationPath(Id), $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Data.Migrations
            {
                /// <inheritdoc />
                public partial class AddOrderStatus : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
            {{up}}
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
            {{down}}
                    }
                }
            }
            """),
    };

    private static Task AnalyzeAsync((string, string)[] sources, string? editorConfig, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<SchemaAndDataInOneMigrationAnalyzer>();
        if (editorConfig is not null)
        {
            test.WithEditorConfig(editorConfig);
        }

        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task EfCore_AddColumn_with_Sql_backfill_is_reported_on_the_backfill()
    {
        var sources = EfMigration("""
                        migrationBuilder.AddColumn<int>(
                            name: "Status",
                            table: "Orders",
                            type: "INTEGER",
                            nullable: true);

                        migrationBuilder.Sql("UPDATE Orders SET Status = 0 WHERE Status IS NULL");
            """);
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(Id), 19, 13, 19, 86)
                .WithArguments("AddOrderStatus", "AddColumn on 'Orders' and Sql", ""));
    }

    [Fact]
    public async Task EfCore_UpdateData_next_to_a_schema_change_is_reported_once_with_a_count()
    {
        var sources = EfMigration("""
                        migrationBuilder.CreateIndex(name: "IX_Orders_Status", table: "Orders", column: "Status");
                        migrationBuilder.UpdateData(table: "Orders", keyColumn: "Id", keyValue: 1, column: "Status", value: 2);
                        migrationBuilder.DeleteData(table: "Orders", keyColumn: "Id", keyValue: 2);
            """);
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(Id), 14, 13, 14, 115)
                .WithArguments("AddOrderStatus", "CreateIndex on 'Orders' and UpdateData on 'Orders' and 1 more data change(s)", ""));
    }

    [Fact]
    public async Task Pomelo_generated_null_backfill_before_NOT_NULL_is_part_of_the_schema_change()
    {
        var sources = EfMigration("""
                        migrationBuilder.UpdateData(table: "Orders", keyColumn: "Note", keyValue: null, column: "Note", value: "");
                        migrationBuilder.AlterColumn<string>(
                            name: "Note",
                            table: "Orders",
                            type: "longtext",
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "longtext",
                            oldNullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4")
                            .OldAnnotation("MySql:CharSet", "utf8mb4");
            """);
        await Verifier.AnalyzeAsync(sources);
    }

    [Fact]
    public async Task A_null_backfill_without_the_NOT_NULL_change_is_still_data()
    {
        var sources = EfMigration("""
                        migrationBuilder.UpdateData(table: "Orders", keyColumn: "Note", keyValue: null, column: "Note", value: "");
                        migrationBuilder.CreateIndex(name: "IX_Orders_Note", table: "Orders", column: "Note");
            """);
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(Id), 13, 13, 13, 119)
                .WithArguments("AddOrderStatus", "CreateIndex on 'Orders' and UpdateData on 'Orders'", ""));
    }

    private const string SeededNewTable = """
                        migrationBuilder.CreateTable(
                            name: "OrderStates",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false),
                                Name = table.Column<string>(type: "TEXT", nullable: false)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_OrderStates", x => x.Id);
                            });

                        migrationBuilder.InsertData(
                            table: "OrderStates",
                            columns: new[] { "Id", "Name" },
                            values: new object[,]
                            {
                                { 1, "Open" },
                                { 2, "Shipped" }
                            });
            """;

    [Fact]
    public async Task EfCore_seed_data_for_a_table_created_in_the_same_migration_is_silent_by_default()
    {
        await AnalyzeAsync(EfMigration(SeededNewTable, """            migrationBuilder.DropTable(name: "OrderStates");"""), editorConfig: null);
    }

    [Fact]
    public async Task EfCore_seed_data_for_a_new_table_is_reported_when_the_option_asks()
    {
        await AnalyzeAsync(
            EfMigration(SeededNewTable),
            "migration_analyzers.MIG1020.report_seed_data_for_new_tables = true\n",
            Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(Id), 25, 13, 32, 19)
                .WithArguments("AddOrderStatus", "CreateTable on 'OrderStates' and InsertData on 'OrderStates'", ""));
    }

    /// <summary>A lambda's parameter and local move with the statement that declares them: they are no member of the class.</summary>
    [Fact]
    public async Task Moved_code_with_its_own_lambda_locals_can_still_be_split()
    {
        var sources = EfMigration("""
                        migrationBuilder.AddColumn<string>(name: "Code", table: "Countries", type: "TEXT", nullable: true);
                        migrationBuilder.InsertData(table: "Countries", column: "Code", values: new[] { "nl", "be" }.Select(code => { var upper = code.ToUpperInvariant(); return (object)upper; }).ToArray());
            """);
        sources[2].Item2 = sources[2].Item2.Replace("using Microsoft.EntityFrameworkCore.Migrations;", "using System.Linq;\nusing Microsoft.EntityFrameworkCore.Migrations;");
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(Id), 15, 13, 15, 195)
                .WithArguments("AddOrderStatus", "AddColumn on 'Countries' and InsertData on 'Countries'", ""));
    }

    [Fact]
    public async Task EfCore_InsertData_into_an_existing_table_is_not_seed_data()
    {
        var sources = EfMigration("""
                        migrationBuilder.AddColumn<string>(name: "Code", table: "Countries", type: "TEXT", nullable: true);
                        migrationBuilder.InsertData(table: "Countries", columns: new[] { "Id", "Code" }, values: new object[] { 7, "NL" });
            """);
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(Id), 14, 13, 14, 127)
                .WithArguments("AddOrderStatus", "AddColumn on 'Countries' and InsertData on 'Countries'", ""));
    }

    [Fact]
    public async Task EfCore_schema_only_and_data_only_migrations_are_silent()
    {
        await Verifier.AnalyzeAsync(EfMigration("""
                        migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", type: "INTEGER", nullable: true);
                        migrationBuilder.Sql("CREATE INDEX IX_Orders_Status ON Orders (Status) -- then UPDATE statistics");
            """));
        await Verifier.AnalyzeAsync(EfMigration("""
                        migrationBuilder.Sql(@"
                            UPDATE Orders SET Status = 0 WHERE Status IS NULL;
                            DELETE FROM Sessions;");
                        migrationBuilder.UpdateData(table: "Orders", keyColumn: "Id", keyValue: 1, column: "Status", value: 2);
            """));
    }

    [Fact]
    public async Task EfCore_raw_sql_that_creates_and_fills_a_column_is_reported()
    {
        var sources = EfMigration("""
                        const string Backfill = "ALTER TABLE Orders ADD Status int NULL\nGO\nUPDATE Orders SET Status = 0";
                        migrationBuilder.Sql(Backfill);
            """);
        await Verifier.AnalyzeAsync(
            sources,
            Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(Id), 14, 13, 14, 43)
                .WithArguments("AddOrderStatus", "Sql and Sql", "; no fix is offered: Up holds statements the split cannot read (conditions, loops, local code), and it moves nothing past them"));
    }

    [Fact]
    public async Task Baseline_silences_older_migrations()
    {
        await AnalyzeAsync(
            EfMigration("""
                        migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", type: "INTEGER", nullable: true);
                        migrationBuilder.Sql("UPDATE Orders SET Status = 0");
            """),
            "migration_analyzers.baseline = 20240301090000\n");
    }

    [Fact]
    public async Task FluentMigrator_Insert_and_Execute_Sql_with_DML_are_data()
    {
        const string source = """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public class AddOrderStatus : Migration
            {
                private const string Orders = "Orders";

                public override void Up()
                {
                    Alter.Table(Orders).AddColumn("Status").AsInt32().Nullable();
                    Execute.Sql("update Orders set Status = 0");
                    Insert.IntoTable("AuditLog").Row(new { Message = "status added" });
                }

                public override void Down()
                {
                    Delete.Column("Status").FromTable(Orders);
                }
            }
            """;
        await Verifier.AnalyzeAsync(
            source,
            Verifier.Diagnostic("MIG1020").WithSpan(13, 9, 13, 52)
                .WithArguments("AddOrderStatus", "Alter.Table on 'Orders' and Execute.Sql and 1 more data change(s)", ""));
    }

    [Fact]
    public async Task FluentMigrator_Update_and_Delete_FromTable_next_to_schema_are_reported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(7)]
            public class ArchiveOrders : Migration
            {
                public override void Up()
                {
                    Create.Index("IX_Orders_Archived").OnTable("Orders").OnColumn("Archived");
                    Update.Table("Orders").Set(new { Archived = true }).Where(new { Year = 2019 });
                    Delete.FromTable("Sessions").AllRows();
                }

                public override void Down() => Delete.Index("IX_Orders_Archived").OnTable("Orders");
            }
            """;
        await Verifier.AnalyzeAsync(
            source,
            Verifier.Diagnostic("MIG1020").WithSpan(9, 9, 9, 87)
                .WithArguments("ArchiveOrders", "Create.Index on 'Orders' and Update.Table on 'Orders' and 1 more data change(s)", "; no fix is offered: Down is not a block-bodied method of the migration class's main declaration, so the split has no statements to move"));
    }

    [Fact]
    public async Task A_bad_seed_option_value_is_reported_by_MIG9001_and_the_default_applies()
    {
        var settings = new AnalyzerTest<MigrationAnalyzers.Rules.Configuration.InvalidSettingAnalyzer>()
            .WithEditorConfig("migration_analyzers.MIG1020.report_seed_data_for_new_tables = yes\n");
        settings.TestState.Sources.Add(("/0/Test0.cs", "class C { }"));
        settings.ExpectedDiagnostics.Add(Verify<MigrationAnalyzers.Rules.Configuration.InvalidSettingAnalyzer>.Diagnostic("MIG9001")
            .WithArguments("migration_analyzers.mig1020.report_seed_data_for_new_tables", "yes", "expected true or false"));
        await settings.RunAsync();

        await AnalyzeAsync(EfMigration(SeededNewTable), "migration_analyzers.MIG1020.report_seed_data_for_new_tables = yes\n");
    }
}
