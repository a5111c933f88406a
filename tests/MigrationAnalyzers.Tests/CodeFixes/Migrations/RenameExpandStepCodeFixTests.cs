using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.OneStepRenameAnalyzer>;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

public class RenameExpandStepCodeFixTests
{
    private const string CreateOrders = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(AppDbContext))]
        [Migration("20240101000000_CreateOrders")]
        public class CreateOrders : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Orders",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                    },
                    constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
            }

            protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
        }
        """;

    private const string Rename = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(AppDbContext))]
        [Migration("20240301090000_RenameTotalToAmount")]
        public class RenameTotalToAmount : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.RenameColumn(
                    name: "Total",
                    table: "Orders",
                    newName: "Amount");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.RenameColumn(
                    name: "Amount",
                    table: "Orders",
                    newName: "Total");
            }
        }
        """;

    private const string Expanded = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(AppDbContext))]
        [Migration("20240301090000_RenameTotalToAmount")]
        public class RenameTotalToAmount : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<decimal>(
                    name: "Amount",
                    table: "Orders",
                    type: "TEXT",
                    precision: 18,
                    scale: 2,
                    nullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(
                    name: "Amount",
                    table: "Orders");
            }
        }

        [DbContext(typeof(AppDbContext))]
        [Migration("20240301090001_RenameTotalToAmountSync")]
        public class RenameTotalToAmountSync : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // The new application version does not write Total: it may be NULL until its trigger fills it.
                migrationBuilder.AlterColumn<decimal>(
                    name: "Total",
                    table: "Orders",
                    type: "TEXT",
                    precision: 18,
                    scale: 2,
                    nullable: true,
                    oldClrType: typeof(decimal),
                    oldType: "TEXT",
                    oldPrecision: 18,
                    oldScale: 2,
                    oldNullable: false);
                // Keeps Total and Amount in step while the old version (writes Total) and the new one (writes Amount) both run. Drop the trigger(s) and Total in a later migration, once no running version uses Total.
                migrationBuilder.Sql("CREATE TRIGGER [Orders_Amount_sync] ON [Orders] AFTER INSERT, UPDATE AS BEGIN SET NOCOUNT ON; IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN; UPDATE t SET [Amount] = s.[SyncValue], [Total] = s.[SyncValue] FROM [Orders] AS t JOIN (SELECT i.[Id], CASE WHEN d.[Id] IS NULL THEN COALESCE(i.[Amount], i.[Total]) WHEN EXISTS (SELECT i.[Amount] EXCEPT SELECT d.[Amount]) THEN i.[Amount] ELSE i.[Total] END AS [SyncValue] FROM inserted AS i LEFT JOIN deleted AS d ON d.[Id] = i.[Id]) AS s ON s.[Id] = t.[Id] WHERE EXISTS (SELECT t.[Amount], t.[Total] EXCEPT SELECT s.[SyncValue], s.[SyncValue]); END");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.Sql("DROP TRIGGER [Orders_Amount_sync];");
                migrationBuilder.AlterColumn<decimal>(
                    name: "Total",
                    table: "Orders",
                    type: "TEXT",
                    precision: 18,
                    scale: 2,
                    nullable: false,
                    oldClrType: typeof(decimal),
                    oldType: "TEXT",
                    oldPrecision: 18,
                    oldScale: 2,
                    oldNullable: true);
            }
        }

        [DbContext(typeof(AppDbContext))]
        [Migration("20240301090002_RenameTotalToAmountCopy")]
        public class RenameTotalToAmountCopy : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // Copies Total into Amount for the rows written before the trigger(s).
                migrationBuilder.Sql("UPDATE [Orders] SET [Amount] = [Total] WHERE [Amount] IS NULL");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                // Nothing to undo: the copied values stay in Amount; RenameTotalToAmountSync's Down drops the trigger(s) and RenameTotalToAmount's Down drops Amount.
            }
        }
        """;

    [Fact]
    public async Task EfCore_rename_becomes_add_with_the_type_from_history_a_sync_and_a_copy_migration()
    {
        // The store types are SQLite's, the setting says SQL Server: the setting decides, for the rule and for the fix.
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameExpandStepCodeFix> { CodeActionEquivalenceKey = RenameExpandStepCodeFix.SameFileKey }
            .WithEditorConfig("migration_analyzers.target_database = sqlserver\n");
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add(("/0/Migrations/20240101000000_CreateOrders.cs", CreateOrders));
        test.TestState.Sources.Add(("/0/Migrations/20240301090000_RenameTotalToAmount.cs", Rename));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan("/0/Migrations/20240301090000_RenameTotalToAmount.cs", 13, 9, 16, 31)
            .WithArguments("column", "Orders.Total", "Amount", string.Empty));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add(("/0/Migrations/20240101000000_CreateOrders.cs", CreateOrders));
        test.FixedState.Sources.Add(("/0/Migrations/20240301090000_RenameTotalToAmount.cs", Expanded));
        await test.RunAsync();
    }

    // A migration without Down (MIG1001 reports it already) still gets a Sync migration whose Down drops the triggers:
    // otherwise the fix would add a MIG1001 of its own, and a bulk run that wrote the original's Down first would not.
    [Fact]
    public async Task EfCore_rename_without_Down_still_writes_the_Down_of_its_sync_migration()
    {
        const string RenameDown = """


                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Amount",
                        table: "Orders",
                        newName: "Total");
                }
            """;
        const string ExpandedDown = """


                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Amount",
                        table: "Orders");
                }
            """;
        Assert.Contains(RenameDown, Rename);
        Assert.Contains(ExpandedDown, Expanded);
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameExpandStepCodeFix> { CodeActionEquivalenceKey = RenameExpandStepCodeFix.SameFileKey }
            .WithEditorConfig("migration_analyzers.target_database = sqlserver\n");
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add(("/0/Migrations/20240101000000_CreateOrders.cs", CreateOrders));
        test.TestState.Sources.Add(("/0/Migrations/20240301090000_RenameTotalToAmount.cs", Rename.Replace(RenameDown, string.Empty)));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan("/0/Migrations/20240301090000_RenameTotalToAmount.cs", 13, 9, 16, 31)
            .WithArguments("column", "Orders.Total", "Amount", string.Empty));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add(("/0/Migrations/20240101000000_CreateOrders.cs", CreateOrders));
        test.FixedState.Sources.Add(("/0/Migrations/20240301090000_RenameTotalToAmount.cs", Expanded.Replace(ExpandedDown, string.Empty)));
        await test.RunAsync();
    }

    // The expand step's two migrations must run directly after the rename. With another migration there (one of the
    // project's, or one another rule's fix just wrote) the fix is withheld, and the message says so.
    [Fact]
    public async Task No_fix_when_another_migration_runs_right_after_and_the_message_says_why()
    {
        const string Next = """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Shop.Data;

            namespace Shop.Data.Migrations;

            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090001_AddOrderNotes")]
            public class AddOrderNotes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                    => migrationBuilder.AddColumn<string>(name: "Notes", table: "Orders", type: "TEXT", nullable: true);

                protected override void Down(MigrationBuilder migrationBuilder)
                    => migrationBuilder.DropColumn(name: "Notes", table: "Orders");
            }
            """;
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameExpandStepCodeFix> { CodeActionEquivalenceKey = RenameExpandStepCodeFix.SameFileKey }
            .WithEditorConfig("migration_analyzers.target_database = sqlserver\n");
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add((Sources.DbContextPath, Sources.DbContext));
            state.Sources.Add(("/0/Migrations/20240101000000_CreateOrders.cs", CreateOrders));
            state.Sources.Add(("/0/Migrations/20240301090000_RenameTotalToAmount.cs", Rename));
            state.Sources.Add(("/0/Migrations/20240301090001_AddOrderNotes.cs", Next));
            state.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan("/0/Migrations/20240301090000_RenameTotalToAmount.cs", 13, 9, 16, 31)
                .WithArguments("column", "Orders.Total", "Amount", RenameNoFix.NoRoomAfter));
        }

        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        await test.RunAsync();
    }

    // dotnet format fixes one rule after the other, in an order that changes per run. While the copy shared a migration
    // with the trigger DDL, MIG1020 reported that migration and split it, or not, depending on that order. Now the copy
    // has a migration of its own: MIG1020 has nothing to do after the expand step, whichever rule goes first.
    [Theory]
    [InlineData("efcore", "postgresql")]
    [InlineData("efcore", "mysql")]
    [InlineData("efcore", "sqlserver")]
    [InlineData("fluentmigrator", "postgresql")]
    [InlineData("fluentmigrator", "sqlserver")]
    public async Task The_expand_step_leaves_no_schema_and_data_mix_for_MIG1020(string framework, string target)
    {
        var settings = new System.Collections.Generic.Dictionary<string, string> { ["migration_analyzers.target_database"] = target };
        var (renamePath, sources) = framework == "efcore"
            ? ("/0/Migrations/20240301090000_RenameTotalToAmount.cs", new[]
            {
                (Sources.DbContextPath, Sources.DbContext),
                ("/0/Migrations/20240101000000_CreateOrders.cs", CreateOrders),
                ("/0/Migrations/20240301090000_RenameTotalToAmount.cs", Rename),
            })
            : ("/0/Migrations/0002_RenameTotal.cs", new[]
            {
                ("/0/Migrations/0001_CreateOrders.cs", FluentCreate),
                ("/0/Migrations/0002_RenameTotal.cs", FluentRename),
            });
        var (expanded, renames) = await CodeFixApplier.ApplyAsync(new OneStepRenameAnalyzer(), new RenameExpandStepCodeFix(), sources, equivalenceKey: RenameExpandStepCodeFix.SameFileKey, settings: settings);
        Assert.DoesNotContain(renames, d => d.Id == "MIG1040");
        Assert.Contains("Copy : Migration", expanded[renamePath], System.StringComparison.Ordinal);

        var (split, mixes) = await CodeFixApplier.ApplyAsync(
            new SchemaAndDataInOneMigrationAnalyzer(), new SplitSchemaAndDataCodeFix(), expanded.Select(pair => (pair.Key, pair.Value)), settings: settings);
        Assert.Empty(mixes.Where(d => d.Id == "MIG1020"));
        Assert.Equal(expanded.OrderBy(pair => pair.Key), split.OrderBy(pair => pair.Key));
    }

    private const string FluentCreate = """
        using FluentMigrator;

        [Migration(1)]
        public class CreateOrders : Migration
        {
            public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Total").AsDecimal(18, 2).NotNullable();

            public override void Down() => Delete.Table("Orders");
        }
        """;

    private const string FluentRename = """
        using FluentMigrator;

        [Migration(2)]
        public class RenameTotal : Migration
        {
            public override void Up()
            {
                Rename.Column("Total").OnTable("Orders").To("Amount");
            }

            public override void Down()
            {
                Rename.Column("Amount").OnTable("Orders").To("Total");
            }
        }
        """;

    private const string FluentExpanded = """
        using FluentMigrator;

        [Migration(2)]
        public class RenameTotal : Migration
        {
            public override void Up()
            {
                Alter.Table("Orders").AddColumn("Amount").AsDecimal(18, 2).Nullable();
            }

            public override void Down()
            {
                Delete.Column("Amount").FromTable("Orders");
            }
        }
        """;

    private const string Keeps = "// Keeps Total and Amount in step while the old version (writes Total) and the new one (writes Amount) both run. Drop the trigger(s) and Total in a later migration, once no running version uses Total.";
    private const string Copies = "// Copies Total into Amount for the rows written before the trigger(s).";

    /// <summary>
    /// The Up and Down statements of the Sync migration and the Copy migration's statement per target database (C#
    /// string literals as the fix writes them).
    /// </summary>
    public static TheoryData<string, string, string, string> FluentDialects => new()
    {
        {
            "postgresql",
            $$$"""
                    {{{Keeps}}}
                    Execute.Sql("CREATE FUNCTION \"Orders_Amount_sync\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN IF NEW.\"Amount\" IS NULL THEN NEW.\"Amount\" := NEW.\"Total\"; ELSE NEW.\"Total\" := NEW.\"Amount\"; END IF; ELSIF NEW.\"Amount\" IS DISTINCT FROM OLD.\"Amount\" THEN NEW.\"Total\" := NEW.\"Amount\"; ELSIF NEW.\"Total\" IS DISTINCT FROM OLD.\"Total\" THEN NEW.\"Amount\" := NEW.\"Total\"; END IF; RETURN NEW; END $$;");
                    Execute.Sql("CREATE TRIGGER \"Orders_Amount_sync\" BEFORE INSERT OR UPDATE ON \"Orders\" FOR EACH ROW EXECUTE FUNCTION \"Orders_Amount_sync\"();");
            """,
            """
                    Execute.Sql("DROP TRIGGER \"Orders_Amount_sync\" ON \"Orders\";");
                    Execute.Sql("DROP FUNCTION \"Orders_Amount_sync\"();");
            """,
            """
                    Execute.Sql("UPDATE \"Orders\" SET \"Amount\" = \"Total\" WHERE \"Amount\" IS NULL");
            """
        },
        {
            "mysql",
            $$"""
                    {{Keeps}}
                    Execute.Sql("CREATE TRIGGER `Orders_Amount_sync_insert` BEFORE INSERT ON `Orders` FOR EACH ROW BEGIN IF NEW.`Amount` IS NULL THEN SET NEW.`Amount` = NEW.`Total`; ELSE SET NEW.`Total` = NEW.`Amount`; END IF; END");
                    Execute.Sql("CREATE TRIGGER `Orders_Amount_sync_update` BEFORE UPDATE ON `Orders` FOR EACH ROW BEGIN IF NOT (NEW.`Amount` <=> OLD.`Amount`) THEN SET NEW.`Total` = NEW.`Amount`; ELSEIF NOT (NEW.`Total` <=> OLD.`Total`) THEN SET NEW.`Amount` = NEW.`Total`; END IF; END");
            """,
            """
                    Execute.Sql("DROP TRIGGER `Orders_Amount_sync_update`;");
                    Execute.Sql("DROP TRIGGER `Orders_Amount_sync_insert`;");
            """,
            """
                    Execute.Sql("UPDATE `Orders` SET `Amount` = `Total` WHERE `Amount` IS NULL");
            """
        },
        {
            "sqlserver",
            $$"""
                    // The new application version does not write Total: it may be NULL until its trigger fills it.
                    Alter.Column("Total").OnTable("Orders").AsDecimal(18, 2).Nullable();
                    {{Keeps}}
                    Execute.Sql("CREATE TRIGGER [Orders_Amount_sync] ON [Orders] AFTER INSERT, UPDATE AS BEGIN SET NOCOUNT ON; IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN; UPDATE t SET [Amount] = s.[SyncValue], [Total] = s.[SyncValue] FROM [Orders] AS t JOIN (SELECT i.[Id], CASE WHEN d.[Id] IS NULL THEN COALESCE(i.[Amount], i.[Total]) WHEN EXISTS (SELECT i.[Amount] EXCEPT SELECT d.[Amount]) THEN i.[Amount] ELSE i.[Total] END AS [SyncValue] FROM inserted AS i LEFT JOIN deleted AS d ON d.[Id] = i.[Id]) AS s ON s.[Id] = t.[Id] WHERE EXISTS (SELECT t.[Amount], t.[Total] EXCEPT SELECT s.[SyncValue], s.[SyncValue]); END");
            """,
            """
                    Execute.Sql("DROP TRIGGER [Orders_Amount_sync];");
                    Alter.Column("Total").OnTable("Orders").AsDecimal(18, 2).NotNullable();
            """,
            """
                    Execute.Sql("UPDATE [Orders] SET [Amount] = [Total] WHERE [Amount] IS NULL");
            """
        },
    };

    // The project references FluentMigrator's PostgreSQL runner, and migration_analyzers.target_database names another
    // database: the triggers and the copy follow the setting, as the rule does, not the referenced package.
    [Theory]
    [MemberData(nameof(FluentDialects))]
    public async Task FluentMigrator_expand_step_is_written_in_the_dialect_of_the_target_database(string target, string syncUp, string syncDown, string copySql)
    {
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameExpandStepCodeFix> { CodeActionEquivalenceKey = RenameExpandStepCodeFix.NewFileKey, ReferenceAssemblies = TestReferences.FluentMigratorPostgres }
            .WithEditorConfig($"migration_analyzers.target_database = {target}\n");
        test.TestState.Sources.Add(("/0/Migrations/0001_CreateOrders.cs", FluentCreate));
        test.TestState.Sources.Add(("/0/Migrations/0002_RenameTotal.cs", FluentRename));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan("/0/Migrations/0002_RenameTotal.cs", 8, 9, 8, 62)
            .WithArguments("column", "Orders.Total", "Amount", string.Empty));
        var sync = $$"""
            [Migration(3)]
            public class RenameTotalSync : Migration
            {
                public override void Up()
                {
            {{syncUp}}
                }

                public override void Down()
                {
            {{syncDown}}
                }
            }
            """;
        var copy = $$"""
            [Migration(4)]
            public class RenameTotalCopy : Migration
            {
                public override void Up()
                {
                    {{Copies}}
            {{copySql}}
                }

                public override void Down()
                {
                    // Nothing to undo: the copied values stay in Amount; RenameTotalSync's Down drops the trigger(s) and RenameTotal's Down drops Amount.
                }
            }
            """;
        test.FixedState.Sources.Add(("/0/Migrations/0001_CreateOrders.cs", FluentCreate));
        test.FixedState.Sources.Add(("/0/Migrations/0002_RenameTotal.cs", FluentExpanded));
        test.FixedState.Sources.Add(("/0/Migrations/0003_RenameTotalSync.cs", "using FluentMigrator;\n\n" + sync));
        test.FixedState.Sources.Add(("/0/Migrations/0004_RenameTotalCopy.cs", "using FluentMigrator;\n\n" + copy));
        test.BatchFixedState.Sources.Add(("/0/Migrations/0001_CreateOrders.cs", FluentCreate));
        test.BatchFixedState.Sources.Add(("/0/Migrations/0002_RenameTotal.cs", FluentExpanded + "\n\n" + sync + "\n\n" + copy));

        // PostgreSQL's $$ quoting is the testing library's caret markup: the fixed sources hold no markup.
        test.FixedState.MarkupHandling = MarkupMode.None;
        test.BatchFixedState.MarkupHandling = MarkupMode.None;
        await test.RunAsync();
    }
}
