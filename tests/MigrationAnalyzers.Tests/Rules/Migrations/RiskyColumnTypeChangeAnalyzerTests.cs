using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Configuration;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.RiskyColumnTypeChangeAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class RiskyColumnTypeChangeAnalyzerTests
{
    private const string Id = "20240501100000_ChangeUserColumns";
    private const string Rewrites = "rewrites the whole table while holding a lock";

    private static Task Verify(string up, string? database, params DiagnosticResult[] expected)
        => VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            EfMigration("ChangeUserColumns", Id, up),
            database is null ? null : $"migration_analyzers.target_database = {database}\n",
            expected);

    private static DiagnosticResult Diagnostic(string table, string column, string reason)
        => Verifier.Diagnostic("MIG1050").WithLocation(0).WithArguments(table, column, reason);

    [Fact]
    public async Task EfCore_shorter_max_length_is_reported_on_any_server_database()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<string>(
                            name: "Name",
                            table: "Users",
                            maxLength: 100,
                            nullable: false,
                            oldClrType: typeof(string),
                            oldMaxLength: 200)|};
            """,
            null,
            Diagnostic("Users", "Name", "shortening it from 200 to 100 characters fails on (or truncates) longer values and scans the whole table"));
    }

    [Fact]
    public async Task EfCore_discriminator_sized_to_its_longest_value_is_silent()
    {
        await Verify(
            """
                        migrationBuilder.AlterColumn<string>(
                            name: "Discriminator",
                            table: "Payments",
                            type: "nvarchar(21)",
                            maxLength: 21,
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "nvarchar(34)",
                            oldMaxLength: 34);
                        {|#0:migrationBuilder.AlterColumn<string>(
                            name: "Kind",
                            table: "Payments",
                            maxLength: 21,
                            nullable: false,
                            oldClrType: typeof(string),
                            oldMaxLength: 34)|};
            """,
            null,
            Diagnostic("Payments", "Kind", "shortening it from 34 to 21 characters fails on (or truncates) longer values and scans the whole table"));
    }

    [Fact]
    public async Task EfCore_discriminator_mapped_by_HasDiscriminator_in_the_target_model_is_silent()
    {
        var up = """
                        migrationBuilder.AlterColumn<string>(
                            name: "Kind",
                            table: "Payments",
                            maxLength: 21,
                            nullable: false,
                            oldClrType: typeof(string),
                            oldMaxLength: 34);
            """;
        var targetModel = """
                    modelBuilder.Entity("Shop.Payment", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Kind").IsRequired().HasMaxLength(21);
                        b.HasKey("Id");
                        b.ToTable("Payments");
                        b.HasDiscriminator<string>("Kind").HasValue("Payment");
                    });
            """;
        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(EfMigration("ChangeUserColumns", Id, up, targetModel: targetModel), null);
    }

    [Fact]
    public async Task EfCore_longer_varchar_and_varchar_to_text_are_silent_on_PostgreSQL()
    {
        await Verify(
            """
                        migrationBuilder.AlterColumn<string>(name: "Name", table: "Users", type: "character varying(500)", maxLength: 500, nullable: false,
                            oldClrType: typeof(string), oldType: "character varying(200)", oldMaxLength: 200);
                        migrationBuilder.AlterColumn<string>(name: "Bio", table: "Users", type: "text", nullable: true,
                            oldClrType: typeof(string), oldType: "character varying(200)", oldMaxLength: 200, oldNullable: true);
            """,
            "postgresql");
    }

    [Fact]
    public async Task EfCore_varchar_to_text_rewrites_on_SQL_Server()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Bio", table: "Users", type: "text", nullable: true,
                            oldClrType: typeof(string), oldType: "varchar(200)", oldNullable: true)|};
            """,
            "sqlserver",
            Diagnostic("Users", "Bio", "changing it from varchar(200) to text " + Rewrites));
    }

    [Fact]
    public async Task EfCore_nvarchar_to_varchar_loses_characters_on_SQL_Server()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Name", table: "Users", type: "varchar(200)", unicode: false, maxLength: 200,
                            oldClrType: typeof(string), oldType: "nvarchar(200)", oldMaxLength: 200)|};
            """,
            "sqlserver",
            Diagnostic("Users", "Name", "changing it from nvarchar(200) to varchar(200) loses every character outside the code page and rewrites the table"));
    }

    [Fact]
    public async Task EfCore_int_to_bigint_rewrites_the_table_on_PostgreSQL()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<long>(name: "Id", table: "Orders", type: "bigint", nullable: false,
                            oldClrType: typeof(int), oldType: "integer")
                            .Annotation("Npgsql:ValueGenerationStrategy", 2)
                            .OldAnnotation("Npgsql:ValueGenerationStrategy", 2)|};
            """,
            "postgresql",
            Diagnostic("Orders", "Id", "widening it from int to bigint " + Rewrites));
    }

    [Fact]
    public async Task EfCore_long_to_int_narrows_without_store_types()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<int>(name: "Points", table: "Users", nullable: false, oldClrType: typeof(long))|};
            """,
            null,
            Diagnostic("Users", "Points", "narrowing it from 64-bit integer to 32-bit integer fails on values that do not fit"));
    }

    [Fact]
    public async Task EfCore_text_to_number_is_reported()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<int>(name: "ZipCode", table: "Addresses", type: "integer", nullable: false,
                            oldClrType: typeof(string), oldType: "text")|};
            """,
            "postgresql",
            Diagnostic("Addresses", "ZipCode", "changing it from text to int fails on the first value that does not convert and rewrites the table"));
    }

    [Fact]
    public async Task EfCore_decimal_precision_and_scale()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<decimal>(name: "Total", table: "Orders", type: "numeric(10,2)", precision: 10, scale: 2, nullable: false,
                            oldClrType: typeof(decimal), oldType: "numeric(18,2)", oldPrecision: 18, oldScale: 2)|};
                        migrationBuilder.AlterColumn<decimal>(name: "Tax", table: "Orders", type: "numeric(20,2)", nullable: false,
                            oldClrType: typeof(decimal), oldType: "numeric(18,2)");
            """,
            "postgresql",
            Diagnostic("Orders", "Total", "narrowing it from numeric(18,2) to numeric(10,2) fails on (or rounds) values that do not fit"));
    }

    [Fact]
    public async Task EfCore_decimal_precision_up_rewrites_on_SQL_Server_when_the_storage_grows()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<decimal>(name: "Tax", table: "Orders", type: "decimal(20,2)", nullable: false,
                            oldClrType: typeof(decimal), oldType: "decimal(18,2)")|};
                        migrationBuilder.AlterColumn<decimal>(name: "Total", table: "Orders", type: "decimal(12,2)", nullable: false,
                            oldClrType: typeof(decimal), oldType: "decimal(10,2)");
            """,
            "sqlserver",
            Diagnostic("Orders", "Tax", "changing it from numeric(18,2) to numeric(20,2) " + Rewrites));
    }

    [Fact]
    public async Task EfCore_set_not_null_after_a_backfill_gets_the_PostgreSQL_check_constraint_recipe()
    {
        await Verify(
            """
                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: false,
                            oldClrType: typeof(string), oldType: "text", oldNullable: true)|};
            """,
            "postgresql",
            Diagnostic("Users", "Email", "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (\"Email\" IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate migration, then SET NOT NULL (which uses the check instead of scanning), and drop the check in a later statement (dropped in the same ALTER TABLE, the scan comes back)"));
    }

    [Fact]
    public async Task EfCore_set_not_null_with_database_version_postgresql_11_keeps_the_check_instead()
    {
        var test = new Infrastructure.AnalyzerTest<RiskyColumnTypeChangeAnalyzer>()
            .WithEditorConfig("migration_analyzers.database_version = postgresql 11.4\n");
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in EfMigration("ChangeUserColumns", Id, """
                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true)|};
            """))
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.Add(Diagnostic("Users", "Email", "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and before PostgreSQL 12 it cannot use a validated CHECK; keep a CHECK (\"Email\" IS NOT NULL) constraint added NOT VALID and validated separately instead"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EfCore_set_not_null_on_PostgreSQL_11_keeps_the_check_instead()
    {
        var test = new Infrastructure.AnalyzerTest<RiskyColumnTypeChangeAnalyzer>()
            .WithEditorConfig("migration_analyzers.target_database = postgresql\nmigration_analyzers.target_database_version = 11.4\n");
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in EfMigration("ChangeUserColumns", Id, """
                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true)|};
            """))
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.Add(Diagnostic("Users", "Email", "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and before PostgreSQL 12 it cannot use a validated CHECK; keep a CHECK (\"Email\" IS NOT NULL) constraint added NOT VALID and validated separately instead"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EfCore_set_not_null_without_backfill_is_left_to_MIG1030()
    {
        await Verify(
            """
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: false,
                            oldClrType: typeof(string), oldType: "text", oldNullable: true);
            """,
            "postgresql");
    }

    [Fact]
    public async Task EfCore_unchanged_type_and_relaxed_nullability_are_silent()
    {
        await Verify(
            """
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "nvarchar(200)", nullable: true,
                            oldClrType: typeof(string), oldType: "nvarchar(200)");
                        migrationBuilder.AlterColumn<int>(name: "Age", table: "Users", nullable: false, defaultValue: 18,
                            oldClrType: typeof(int));
            """,
            "sqlserver");
    }

    [Fact]
    public async Task EfCore_column_added_in_the_same_migration_is_silent()
    {
        await Verify(
            """
                        migrationBuilder.AddColumn<string>(name: "Code", table: "Users", maxLength: 50, nullable: true);
                        migrationBuilder.AlterColumn<string>(name: "Code", table: "Users", maxLength: 10, nullable: true, oldClrType: typeof(string), oldMaxLength: 50, oldNullable: true);
            """,
            null);
    }

    [Fact]
    public async Task EfCore_column_of_a_table_created_in_the_same_migration_is_silent()
    {
        await Verify(
            """
                        migrationBuilder.CreateTable(
                            name: "Drafts",
                            columns: table => new { Id = table.Column<long>(type: "bigint", nullable: false), Title = table.Column<string>(type: "nvarchar(200)", nullable: true) },
                            constraints: table => table.PrimaryKey("PK_Drafts", x => x.Id));
                        migrationBuilder.AlterColumn<int>(name: "Id", table: "Drafts", type: "int", nullable: false, oldClrType: typeof(long), oldType: "bigint");
                        migrationBuilder.AlterColumn<string>(name: "Title", table: "Drafts", type: "nvarchar(50)", nullable: true, oldClrType: typeof(string), oldType: "nvarchar(200)", oldNullable: true);
            """,
            "sqlserver");
    }

    [Fact]
    public async Task FluentMigrator_Alter_Table_AlterColumn_to_a_wider_integer_rewrites_on_SQL_Server()
    {
        var first = FmMigration("AddOrders", 202401010900, """
                        Create.Table("Orders").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Total").AsDecimal(10, 2).NotNullable();
            """);
        var second = FmMigration("ChangeUserColumns", 202405011000, """
                        {|#0:Alter.Table("Orders")
                            .AlterColumn("Id").AsInt64().NotNullable()
                            .AlterColumn("Total").AsDecimal(20, 2).NotNullable()|};
            """);
        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            new[] { first, second },
            "migration_analyzers.target_database = sqlserver\n",
            Diagnostic("Orders", "Id", "widening it from int to bigint " + Rewrites),
            Verifier.Diagnostic("MIG1050").WithLocation(0).WithArguments("Orders", "Total", "changing it from numeric(10,2) to numeric(20,2) " + Rewrites));
    }

    [Fact]
    public async Task SQLite_target_ignores_lengths_and_widening()
    {
        await Verify(
            """
                        migrationBuilder.AlterColumn<string>(name: "Name", table: "Users", type: "TEXT", maxLength: 50, nullable: false, oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 200);
                        migrationBuilder.AlterColumn<long>(name: "Points", table: "Users", type: "INTEGER", nullable: false, oldClrType: typeof(int), oldType: "INTEGER");
            """,
            "sqlite");
    }

    [Fact]
    public async Task Provider_is_inferred_from_the_referenced_Npgsql_package()
    {
        var up = """
                        migrationBuilder.AlterColumn<string>(name: "Bio", table: "Users", type: "text", nullable: true,
                            oldClrType: typeof(string), oldType: "varchar(200)", oldNullable: true);
            """;
        var test = new Infrastructure.AnalyzerTest<RiskyColumnTypeChangeAnalyzer> { ReferenceAssemblies = TestReferences.EfCoreWithNpgsql };
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in EfMigration("ChangeUserColumns", Id, up))
        {
            test.TestState.Sources.Add(source);
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task Configured_database_wins_over_the_referenced_package()
    {
        var up = """
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Bio", table: "Users", type: "text", nullable: true,
                            oldClrType: typeof(string), oldType: "varchar(200)", oldNullable: true)|};
            """;
        var test = new Infrastructure.AnalyzerTest<RiskyColumnTypeChangeAnalyzer> { ReferenceAssemblies = TestReferences.EfCoreWithNpgsql }
            .WithEditorConfig("migration_analyzers.target_database = sqlserver\n");
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in EfMigration("ChangeUserColumns", Id, up))
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.Add(Diagnostic("Users", "Bio", "changing it from varchar(200) to text " + Rewrites));
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_old_type_comes_from_the_history()
    {
        var first = FmMigration("AddUsers", 202401010900, """
                        Create.Table("Users")
                            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                            .WithColumn("Name").AsString(200).NotNullable()
                            .WithColumn("Bio").AsString(200).Nullable();
            """);
        var second = FmMigration("ChangeUserColumns", 202405011000, """
                        {|#0:Alter.Column("Name").OnTable("Users").AsString(100).NotNullable()|};
                        Alter.Column("Bio").OnTable("Users").AsString(1000).Nullable();
                        Alter.Column("Unknown").OnTable("Users").AsInt16();
            """);
        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            new[] { first, second },
            null,
            Diagnostic("Users", "Name", "shortening it from 200 to 100 characters fails on (or truncates) longer values and scans the whole table"));
    }

    [Fact]
    public async Task FluentMigrator_history_follows_a_column_rename()
    {
        var first = FmMigration("AddUsers", 202401010900, """
                        Create.Table("Users").WithColumn("Id").AsInt64().PrimaryKey().WithColumn("Score").AsInt64().NotNullable();
            """);
        var second = FmMigration("RenameScore", 202402010900, """
                        Rename.Column("Score").OnTable("Users").To("Points");
            """);
        var third = FmMigration("ChangeUserColumns", 202405011000, """
                        {|#0:Alter.Column("Points").OnTable("Users").AsInt32().NotNullable()|};
            """);
        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            new[] { first, second, third },
            "migration_analyzers.target_database = mysql\n",
            Diagnostic("Users", "Points", "narrowing it from bigint to int fails on values that do not fit"));
    }

    [Fact]
    public async Task Baseline_is_honoured()
    {
        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            EfMigration("ChangeUserColumns", Id, """
                        migrationBuilder.AlterColumn<int>(name: "Points", table: "Users", nullable: false, oldClrType: typeof(long));
            """),
            "migration_analyzers.baseline = 20240601000000\n");
    }

    [Fact]
    public async Task Unknown_target_database_value_is_reported_by_MIG9001()
    {
        var test = new Infrastructure.AnalyzerTest<InvalidSettingAnalyzer>()
            .WithEditorConfig("migration_analyzers.target_database = oracle\nmigration_analyzers.target_database_version = latest\n");
        test.TestState.Sources.Add(("/0/Test0.cs", "class C { }"));
        test.ExpectedDiagnostics.Add(Infrastructure.Verify<InvalidSettingAnalyzer>.Diagnostic("MIG9001").WithArguments("migration_analyzers.target_database", "oracle", "expected one of: postgresql, sqlserver, sqlite, mysql"));
        test.ExpectedDiagnostics.Add(Infrastructure.Verify<InvalidSettingAnalyzer>.Diagnostic("MIG9001").WithArguments("migration_analyzers.target_database_version", "latest", "expected a version such as 16 or 15.4"));
        await test.RunAsync();
    }
}
