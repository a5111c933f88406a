using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.OneStepRenameAnalyzer>;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

/// <summary>
/// MIG1040's fix for a table rename: the rename stays, a view under the old name follows it in the same migration, and
/// Down drops the view before it renames the table back. The SQL is in the dialect of the target database the rule
/// decided (the setting, not the referenced provider package); no fix where the view cannot be sure to work.
/// </summary>
public class RenameTableWithViewCodeFixTests
{
    private const string RenamePath = "/0/Migrations/20240301090000_RenameCustomersToClients.cs";

    private const string CreateCustomers = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(AppDbContext))]
        [Migration("20240101000000_CreateCustomers")]
        public class CreateCustomers : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Customers",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Name = table.Column<string>(type: "TEXT", nullable: false)
                    },
                    constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
            }

            protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Customers");
        }
        """;

    private const string Rename = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(AppDbContext))]
        [Migration("20240301090000_RenameCustomersToClients")]
        public class RenameCustomersToClients : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.RenameTable(
                    name: "Customers",
                    newName: "Clients");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.RenameTable(
                    name: "Clients",
                    newName: "Customers");
            }
        }
        """;

    private const string Comment = "// The old application version keeps using Customers through this view. Drop it in a later migration, once no running version uses Customers.";

    private static string Fixed(string createView, string dropView) => $$"""
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(AppDbContext))]
        [Migration("20240301090000_RenameCustomersToClients")]
        public class RenameCustomersToClients : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.RenameTable(
                    name: "Customers",
                    newName: "Clients");
                {{Comment}}
                migrationBuilder.Sql({{createView}});
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.Sql({{dropView}});
                migrationBuilder.RenameTable(
                    name: "Clients",
                    newName: "Customers");
            }
        }
        """;

    /// <summary>The CREATE VIEW and DROP VIEW literals per target database, as the fix writes them.</summary>
    public static TheoryData<string, string, string> Dialects => new()
    {
        { "postgresql", """ "CREATE VIEW \"Customers\" AS SELECT * FROM \"Clients\";" """.Trim(), """ "DROP VIEW \"Customers\";" """.Trim() },
        { "sqlserver", "\"CREATE VIEW [Customers] AS SELECT * FROM [Clients];\"", "\"DROP VIEW [Customers];\"" },
        { "mysql", "\"CREATE VIEW `Customers` AS SELECT * FROM `Clients`;\"", "\"DROP VIEW `Customers`;\"" },
    };

    // The store types are SQLite's, the setting names another database: the setting decides, for the rule and the fix.
    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task EfCore_table_rename_keeps_the_rename_and_adds_a_view_under_the_old_name_in_the_target_dialect(string target, string createView, string dropView)
    {
        var test = FixTest(target, CreateCustomers, Rename, Fixed(createView, dropView));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan(RenamePath, 13, 9, 15, 32)
            .WithArguments("table", "Customers", "Clients", string.Empty));
        await test.RunAsync();
    }

    // The view stays in the old schema and reads the table in the new one; an unqualified name stays unqualified.
    [Theory]
    [InlineData("postgresql", "sales", "crm", """ "CREATE VIEW \"sales\".\"Customers\" AS SELECT * FROM \"crm\".\"Clients\";" """, """ "DROP VIEW \"sales\".\"Customers\";" """)]
    [InlineData("sqlserver", "sales", "sales", "\"CREATE VIEW [sales].[Customers] AS SELECT * FROM [sales].[Clients];\"", "\"DROP VIEW [sales].[Customers];\"")]
    [InlineData("mysql", null, "archive", "\"CREATE VIEW `Customers` AS SELECT * FROM `archive`.`Clients`;\"", "\"DROP VIEW `Customers`;\"")]
    public async Task EfCore_view_respects_schema_and_newSchema(string target, string? schema, string newSchema, string createView, string dropView)
    {
        var schemaLine = schema is null ? string.Empty : $"\n            schema: \"{schema}\",";
        var upArguments = $"name: \"Customers\",{schemaLine}\n            newName: \"Clients\",\n            newSchema: \"{newSchema}\");";
        var downArguments = $"name: \"Clients\",\n            schema: \"{newSchema}\",\n            newName: \"Customers\"" + (schema is null ? ");" : $",\n            newSchema: \"{schema}\");");
        string Schemas(string text) => text
            .Replace("name: \"Customers\",\n            newName: \"Clients\");", upArguments, System.StringComparison.Ordinal)
            .Replace("name: \"Clients\",\n            newName: \"Customers\");", downArguments, System.StringComparison.Ordinal);
        var create = schema is null ? CreateCustomers : CreateCustomers.Replace("name: \"Customers\",", $"name: \"Customers\",\n                schema: \"{schema}\",", System.StringComparison.Ordinal);
        var rename = Schemas(Rename);
        Assert.Contains(upArguments, rename, System.StringComparison.Ordinal);
        Assert.Contains(downArguments, rename, System.StringComparison.Ordinal);
        var lastLine = $"            newSchema: \"{newSchema}\")";
        var test = FixTest(target, create, rename, Schemas(Fixed(createView.Trim(), dropView.Trim())));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan(RenamePath, 13, 9, schema is null ? 16 : 17, lastLine.Length + 1)
            .WithArguments("table", schema is null ? "Customers" : schema + ".Customers", newSchema + ".Clients", string.Empty));
        await test.RunAsync();
    }

    // What `dotnet ef migrations add` writes for a renamed entity: the key is dropped before the rename and added after
    // it, with blank lines between. The view comes right after the rename; in Down the drop comes right before the
    // rename back and keeps the blank line above it.
    [Fact]
    public async Task EfCore_entity_rename_with_its_key_gets_the_view_next_to_the_rename()
    {
        const string Generated = """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Shop.Data;

            namespace Shop.Data.Migrations;

            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090000_RenameCustomersToClients")]
            public class RenameCustomersToClients : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Customers",
                        table: "Customers");

                    migrationBuilder.RenameTable(
                        name: "Customers",
                        newName: "Clients");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Clients",
                        table: "Clients",
                        column: "Id");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Clients",
                        table: "Clients");

                    migrationBuilder.RenameTable(
                        name: "Clients",
                        newName: "Customers");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Customers",
                        table: "Customers",
                        column: "Id");
                }
            }
            """;
        var expected = Generated
            .Replace(
                "            newName: \"Clients\");\n",
                "            newName: \"Clients\");\n        " + Comment + "\n        migrationBuilder.Sql(\"CREATE VIEW \\\"Customers\\\" AS SELECT * FROM \\\"Clients\\\";\");\n",
                System.StringComparison.Ordinal)
            .Replace(
                "\n\n        migrationBuilder.RenameTable(\n            name: \"Clients\",",
                "\n\n        migrationBuilder.Sql(\"DROP VIEW \\\"Customers\\\";\");\n        migrationBuilder.RenameTable(\n            name: \"Clients\",",
                System.StringComparison.Ordinal);
        Assert.Contains("CREATE VIEW", expected, System.StringComparison.Ordinal);
        Assert.Contains("DROP VIEW", expected, System.StringComparison.Ordinal);
        var test = FixTest("postgresql", CreateCustomers, Generated, expected);
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan(RenamePath, 17, 9, 19, 32)
            .WithArguments("table", "Customers", "Clients", string.Empty));
        await test.RunAsync();
    }

    private const string FluentCreate = """
        using FluentMigrator;

        [Migration(1)]
        public class CreateCustomers : Migration
        {
            public override void Up() => Create.Table("Customers").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Name").AsString(200).NotNullable();

            public override void Down() => Delete.Table("Customers");
        }
        """;

    private const string FluentRename = """
        using FluentMigrator;

        [Migration(2)]
        public class RenameCustomers : Migration
        {
            public override void Up()
            {
                Rename.Table("Customers").To("Clients");
            }

            public override void Down()
            {
                Rename.Table("Clients").To("Customers");
            }
        }
        """;

    private const string FluentFixed = $$"""
        using FluentMigrator;

        [Migration(2)]
        public class RenameCustomers : Migration
        {
            public override void Up()
            {
                Rename.Table("Customers").To("Clients");
                {{Comment}}
                Execute.Sql("CREATE VIEW [Customers] AS SELECT * FROM [Clients];");
            }

            public override void Down()
            {
                Execute.Sql("DROP VIEW [Customers];");
                Rename.Table("Clients").To("Customers");
            }
        }
        """;

    // FluentMigrator's explicit migrations get the same view through Execute.Sql; the project references the PostgreSQL
    // runner, the setting says SQL Server, and the setting decides.
    [Fact]
    public async Task FluentMigrator_table_rename_gets_the_view_through_Execute_Sql()
    {
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameTableWithViewCodeFix> { CodeActionEquivalenceKey = RenameTableWithViewCodeFix.EquivalenceKey, ReferenceAssemblies = TestReferences.FluentMigratorPostgres }
            .WithEditorConfig("migration_analyzers.target_database = sqlserver\n");
        test.TestState.Sources.Add(("/0/Migrations/0001_CreateCustomers.cs", FluentCreate));
        test.TestState.Sources.Add(("/0/Migrations/0002_RenameCustomers.cs", FluentRename));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan("/0/Migrations/0002_RenameCustomers.cs", 8, 9, 8, 48)
            .WithArguments("table", "Customers", "Clients", string.Empty));
        test.FixedState.Sources.Add(("/0/Migrations/0001_CreateCustomers.cs", FluentCreate));
        test.FixedState.Sources.Add(("/0/Migrations/0002_RenameCustomers.cs", FluentFixed));
        await test.RunAsync();
    }

    // An AutoReversingMigration would have to reverse Execute.Sql, which it cannot (MIG1003): no fix there.
    [Fact]
    public async Task No_fix_for_an_AutoReversingMigration()
    {
        const string AutoReversing = """
            using FluentMigrator;

            [Migration(2)]
            public class RenameCustomers : AutoReversingMigration
            {
                public override void Up()
                {
                    Rename.Table("Customers").To("Clients");
                }
            }
            """;
        await NoFixAsync("sqlserver", new[] { ("/0/Migrations/0001_CreateCustomers.cs", FluentCreate), ("/0/Migrations/0002_RenameCustomers.cs", AutoReversing) }, "/0/Migrations/0002_RenameCustomers.cs", (8, 9, 8, 48), string.Empty);
    }

    [Fact]
    public async Task No_fix_on_SQLite_and_the_message_says_why()
        => await NoFixAsync("sqlite", EfHistory(), RenamePath, (13, 9, 15, 32), RenameNoFix.TableOnSqlite);

    // Without store types in the history (SQLite's TEXT and INTEGER are evidence) and without the setting, nothing names the database.
    [Fact]
    public async Task No_fix_on_an_unknown_target_database_and_the_message_says_why()
        => await NoFixAsync(
            null,
            EfHistory().Select(source => (source.Item1, source.Item2.Replace("type: \"INTEGER\", ", string.Empty, System.StringComparison.Ordinal).Replace("type: \"TEXT\", ", string.Empty, System.StringComparison.Ordinal))),
            RenamePath,
            (13, 9, 15, 32),
            RenameNoFix.TableOnUnknownDatabase);

    // A later migration that creates a table under the old name would find the view there and fail.
    [Fact]
    public async Task No_fix_when_a_later_migration_uses_the_old_name_again()
    {
        const string Later = """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Shop.Data;

            namespace Shop.Data.Migrations;

            [DbContext(typeof(AppDbContext))]
            [Migration("20240501000000_CreateCustomerArchive")]
            public class CreateCustomerArchive : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                    => migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Customers");
            }
            """;
        await NoFixAsync("postgresql", EfHistory().Append(("/0/Migrations/20240501000000_CreateCustomerArchive.cs", Later)), RenamePath, (13, 9, 15, 32), RenameNoFix.TableNameUsedAgain("CreateCustomerArchive"));
    }

    // Another rename to the old name, later in the same migration, would meet the view too.
    [Fact]
    public async Task No_fix_when_the_same_migration_renames_another_table_to_the_old_name()
    {
        var rename = Rename.Replace(
            "newName: \"Clients\");\n    }",
            "newName: \"Clients\");\n        migrationBuilder.RenameTable(name: \"Prospects\", newName: \"Customers\");\n    }");
        Assert.NotEqual(Rename, rename);
        var sources = new[] { (Sources.DbContextPath, Sources.DbContext), ("/0/Migrations/20240101000000_CreateCustomers.cs", CreateCustomers), (RenamePath, rename) };
        var test = NoFixTest("postgresql", sources);
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan(RenamePath, 13, 9, 15, 32)
                .WithArguments("table", "Customers", "Clients", "; no fix is offered: the old name is used again by a later operation of this migration, where the view under the old name would stand in the way"));
            state.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan(RenamePath, 16, 9, 16, 78)
                .WithArguments("table", "Prospects", "Customers", string.Empty));
        }

        await test.RunAsync();
    }

    // PostgreSQL refuses to drop or retype a column a view reads: a later migration that does would fail after the fix.
    [Fact]
    public async Task No_fix_when_a_later_migration_changes_the_columns_the_view_reads()
    {
        const string Later = """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Shop.Data;

            namespace Shop.Data.Migrations;

            [DbContext(typeof(AppDbContext))]
            [Migration("20240501000000_DropClientName")]
            public class DropClientName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Name", table: "Clients");

                protected override void Down(MigrationBuilder migrationBuilder)
                    => migrationBuilder.AddColumn<string>(name: "Name", table: "Clients", type: "TEXT", nullable: false, defaultValue: "");
            }
            """;
        await NoFixAsync("postgresql", EfHistory().Append(("/0/Migrations/20240501000000_DropClientName.cs", Later)), RenamePath, (13, 9, 15, 32), RenameNoFix.TableChangedLater("DropClientName", "Clients"));
    }

    // A null newSchema next to a schema is read differently by EF Core versions and providers: the view would not know where the table is.
    [Fact]
    public async Task No_fix_when_a_schema_is_given_without_newSchema()
    {
        var rename = Rename.Replace("name: \"Customers\",\n            newName: \"Clients\");", "name: \"Customers\",\n            schema: \"sales\",\n            newName: \"Clients\");");
        Assert.NotEqual(Rename, rename);
        var create = CreateCustomers.Replace("name: \"Customers\",", "name: \"Customers\",\n                schema: \"sales\",");
        await NoFixAsync(
            "postgresql",
            new[] { (Sources.DbContextPath, Sources.DbContext), ("/0/Migrations/20240101000000_CreateCustomers.cs", create), (RenamePath, rename) },
            RenamePath,
            (13, 9, 16, 32),
            RenameNoFix.TableSchemaWithoutNewSchema,
            from: "sales.Customers");
    }

    // After the fix the rename is silent (the old name stays usable), and the expand-step fix of a column rename is not
    // disturbed: for a column this fixer offers nothing, and the expand step's own fixer still comes after it.
    [Fact]
    public async Task A_column_rename_gets_no_view()
    {
        const string ColumnRename = """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Shop.Data;

            namespace Shop.Data.Migrations;

            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090000_RenameCustomersToClients")]
            public class RenameCustomersToClients : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(name: "Name", table: "Customers", newName: "FullName");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(name: "FullName", table: "Customers", newName: "Name");
                }
            }
            """;
        var test = NoFixTest("postgresql", new[] { (Sources.DbContextPath, Sources.DbContext), ("/0/Migrations/20240101000000_CreateCustomers.cs", CreateCustomers), (RenamePath, ColumnRename) });
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan(RenamePath, 13, 9, 13, 93)
                .WithArguments("column", "Customers.Name", "FullName", string.Empty));
        }

        await test.RunAsync();
    }

    // Precision: after the fix, and with the contract step written by hand (a later migration whose Up drops the view
    // with raw SQL and whose Down creates it again), no rule of the package reports anything the history did not have
    // before; only MIG1040 is gone. Neither DROP VIEW (MIG1080, MIG1081), nor raw SQL in Up with its inverse in Down
    // (MIG1001, MIG1002), nor a view next to the rename (MIG1020) is reported.
    [Fact]
    public async Task The_fixed_history_and_its_contract_step_add_no_diagnostic_of_any_rule()
    {
        var settings = new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql", ["migration_analyzers.deployment"] = "rolling" };
        var history = Execution.Postgres.RenameTableWithViewOnPostgresTests.History();
        var before = await Execution.Postgres.PackageDiagnostics.OfAsync(history.Values, settings);
        Assert.Contains(before, d => d.StartsWith("MIG1040 ", System.StringComparison.Ordinal));

        var (fixedSources, _) = await CodeFixApplier.ApplyAsync(
            new OneStepRenameAnalyzer(), new RenameTableWithViewCodeFix(), history.Select(pair => (pair.Key, pair.Value)), equivalenceKey: RenameTableWithViewCodeFix.EquivalenceKey, settings: settings);
        var after = await Execution.Postgres.PackageDiagnostics.OfAsync(fixedSources.Values.Append(Execution.Postgres.RenameTableWithViewOnPostgresTests.Contract), settings);
        Assert.Equal(before.Where(d => !d.StartsWith("MIG1040 ", System.StringComparison.Ordinal)), after);
    }

    private static IEnumerable<(string, string)> EfHistory()
        => new[] { (Sources.DbContextPath, Sources.DbContext), ("/0/Migrations/20240101000000_CreateCustomers.cs", CreateCustomers), (RenamePath, Rename) };

    /// <summary>The fix test of one rename: the context, the table's creation and the renaming migration, before and after.</summary>
    private static CodeFixTest<OneStepRenameAnalyzer, RenameTableWithViewCodeFix> FixTest(string target, string createCustomers, string rename, string fixedRename)
    {
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameTableWithViewCodeFix> { CodeActionEquivalenceKey = RenameTableWithViewCodeFix.EquivalenceKey }
            .WithEditorConfig($"migration_analyzers.target_database = {target}\n");
        foreach (var (state, renaming) in new[] { (test.TestState, rename), (test.FixedState, fixedRename) })
        {
            state.Sources.Add((Sources.DbContextPath, Sources.DbContext));
            state.Sources.Add(("/0/Migrations/20240101000000_CreateCustomers.cs", createCustomers));
            state.Sources.Add((RenamePath, renaming));
        }

        return test;
    }

    private static CodeFixTest<OneStepRenameAnalyzer, RenameTableWithViewCodeFix> NoFixTest(string? target, IEnumerable<(string, string)> sources)
    {
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameTableWithViewCodeFix> { CodeActionEquivalenceKey = RenameTableWithViewCodeFix.EquivalenceKey };
        if (target is not null)
        {
            test.WithEditorConfig($"migration_analyzers.target_database = {target}\n");
        }

        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            foreach (var source in sources)
            {
                state.Sources.Add(source);
            }
        }

        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        return test;
    }

    private static async Task NoFixAsync(string? target, IEnumerable<(string, string)> sources, string path, (int, int, int, int) span, string why, string from = "Customers")
    {
        var test = NoFixTest(target, sources);
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan(path, span.Item1, span.Item2, span.Item3, span.Item4)
                .WithArguments("table", from, "Clients", why));
        }

        await test.RunAsync();
    }
}
