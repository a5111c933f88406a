using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Rules.Migrations;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.NotNullColumnWithoutDefaultAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class NotNullColumnWithoutDefaultAnalyzerTests
{
    private const string Id = "20240401100000_AddUserAge";
    private const string Added = "is added as NOT NULL without a default, so the existing rows have no value for it";

    // No provider evidence and no setting: the three-step fix cannot write its backfill SQL, and the message says so.
    private const string AddedOnUnknown = Added + "; the three-step fix is not offered: the target database is unknown, so the backfill SQL has no dialect (set migration_analyzers.target_database)";
    private const string Altered = "becomes NOT NULL with no backfill before it, so the migration fails on the first row that holds NULL; fill the NULLs in an earlier migration (no fix is offered: a default does not fill rows that already hold NULL)";

    private static Task Verify(string up, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(EfMigration("AddUserAge", Id, up), null, expected);

    private static Task VerifyFluent(string up, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(new[] { FmMigration("AddUserAge", 202404011000, up) }, null, expected);

    // The backfill and NOT NULL migrations of the three-step fix must run directly after this one; with another
    // migration there (one another rule's fix just wrote, say) the fix is withheld, and the message says so.
    [Fact]
    public async Task FluentMigrator_message_says_why_the_three_step_fix_is_withheld_when_a_migration_follows_right_after()
    {
        await VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(
            new[]
            {
                FmMigration("AddUserAge", 202404011000, """
                                {|#0:Alter.Table("Users").AddColumn("Age").AsInt32().NotNullable()|};
                    """),
                FmMigration("AddUserNotes", 202404011001, """
                                Alter.Table("Users").AddColumn("Notes").AsString().Nullable();
                    """),
            },
            "migration_analyzers.target_database = postgresql\n",
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments(
                "Users",
                "Age",
                Added + "; the three-step fix is not offered: another migration of this history runs right after this one, so the new migrations the fix writes could not run directly after it"));
    }

    [Fact]
    public async Task EfCore_explicit_nullable_false_without_default_is_reported()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AddColumn<int>(
                            name: "Age",
                            table: "Users",
                            type: "INTEGER",
                            nullable: false)|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Age", Added));
    }

    [Fact]
    public async Task EfCore_omitted_nullable_means_not_null_even_for_a_reference_type()
    {
        // MigrationBuilder.AddColumn<T>(…, bool nullable = false): leaving it out adds a NOT NULL column, whatever T is.
        await Verify(
            """
                        {|#0:migrationBuilder.AddColumn<string>("Email", "Users", maxLength: 256)|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Email", AddedOnUnknown));
    }

    [Fact]
    public async Task EfCore_diagnostic_covers_chained_annotations_and_schema()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AddColumn<bool>(name: "IsActive", schema: "auth", table: "Users", nullable: false)
                            .Annotation("Relational:Comment", "soft delete")|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("auth.Users", "IsActive", AddedOnUnknown));
    }

    [Fact]
    public async Task EfCore_not_null_with_default_value_default_sql_or_computed_sql_is_silent()
    {
        await Verify("""
                        migrationBuilder.AddColumn<int>(name: "Age", table: "Users", nullable: false, defaultValue: 0);
                        migrationBuilder.AddColumn<DateTime>(name: "CreatedAt", table: "Users", nullable: false, defaultValueSql: "CURRENT_TIMESTAMP");
                        migrationBuilder.AddColumn<string>(name: "Display", table: "Users", nullable: false, computedColumnSql: "[First] || ' ' || [Last]");
                        migrationBuilder.AddColumn<byte[]>(name: "Version", table: "Users", rowVersion: true, nullable: false);
            """);
    }

    [Fact]
    public async Task EfCore_nullable_column_is_silent()
    {
        await Verify("""
                        migrationBuilder.AddColumn<int?>(name: "Age", table: "Users", type: "INTEGER", nullable: true);
            """);
    }

    [Fact]
    public async Task EfCore_column_of_a_table_created_in_the_same_migration_with_seed_data_is_silent()
    {
        await Verify("""
                        migrationBuilder.CreateTable(
                            name: "Countries",
                            columns: table => new
                            {
                                Code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Countries", x => x.Code));

                        migrationBuilder.AddColumn<string>(name: "Name", table: "Countries", nullable: false);

                        migrationBuilder.InsertData(
                            table: "Countries",
                            columns: new[] { "Code", "Name" },
                            values: new object[] { "NL", "Netherlands" });
            """);
    }

    [Fact]
    public async Task EfCore_table_created_one_migration_earlier_is_an_existing_table()
    {
        const string firstId = "20240401090000_AddCountries";
        var create = """
                        migrationBuilder.CreateTable(
                            name: "Countries",
                            columns: table => new { Code = table.Column<string>(type: "TEXT", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Countries", x => x.Code));
            """;
        await VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(
            EfMigration("AddCountries", firstId, create).Concat(EfMigration("AddUserAge", Id, """
                        {|#0:migrationBuilder.AddColumn<string>(name: "Name", table: "Countries", nullable: false)|};
            """)),
            null,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Countries", "Name", Added));
    }

    [Fact]
    public async Task EfCore_AlterColumn_from_nullable_to_not_null_without_backfill_is_reported()
    {
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<string>(
                            name: "Email",
                            table: "Users",
                            type: "TEXT",
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "TEXT",
                            oldNullable: true)|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Email", Altered));
    }

    [Theory]
    [InlineData("TEXT")] // SQLite: EF Core's table rebuild copies IFNULL(column, default).
    [InlineData("character varying(200)")] // Npgsql 7+: UPDATE … WHERE column IS NULL first.
    [InlineData("nvarchar(200)")] // SQL Server: UPDATE … WHERE column IS NULL first.
    public async Task EfCore_AlterColumn_to_not_null_with_a_default_is_silent_where_the_provider_fills_the_NULLs(string type)
    {
        await Verify($$"""
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "{{type}}", nullable: false, defaultValue: "",
                            oldClrType: typeof(string), oldType: "{{type}}", oldNullable: true);
            """);
    }

    [Fact]
    public async Task EfCore_AlterColumn_to_not_null_with_a_default_is_silent_when_the_database_is_unknown()
    {
        await Verify("""
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", maxLength: 200, nullable: false, defaultValue: "",
                            oldClrType: typeof(string), oldMaxLength: 200, oldNullable: true);
            """);
    }

    [Fact]
    public async Task EfCore_AlterColumn_to_not_null_with_a_default_fails_on_MySQL()
    {
        // Pomelo emits a plain MODIFY … NOT NULL: the default does not reach the rows that hold NULL.
        await Verify(
            """
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "longtext", nullable: false, defaultValue: "",
                            oldClrType: typeof(string), oldType: "longtext", oldNullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4")
                            .OldAnnotation("MySql:CharSet", "utf8mb4")|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments(
                "Users",
                "Email",
                "becomes NOT NULL with a default but no backfill before it: MySQL does not write the default into existing NULL rows (a plain MODIFY … NOT NULL), so the migration fails on the first one; update them first"));
    }

    [Fact]
    public async Task EfCore_AlterColumn_after_a_backfill_is_silent()
    {
        await Verify("""
                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL;");
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true);
            """);
    }

    [Fact]
    public async Task EfCore_AlterColumn_after_UpdateData_on_the_table_is_silent()
    {
        await Verify("""
                        migrationBuilder.UpdateData(table: "Users", keyColumn: "Id", keyValue: 1, column: "Email", value: "admin@example.com");
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true);
            """);
    }

    [Fact]
    public async Task EfCore_AlterColumn_after_an_update_of_another_table_is_reported()
    {
        await Verify(
            """
                        migrationBuilder.Sql("UPDATE Orders SET Total = 0 WHERE Total IS NULL");
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true)|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Email", Altered));
    }

    [Fact]
    public async Task EfCore_update_of_other_columns_of_the_same_table_is_no_backfill()
    {
        await Verify(
            """
                        migrationBuilder.UpdateData(table: "Users", keyColumn: "Id", keyValue: 1, column: "Name", value: "admin");
                        migrationBuilder.Sql("UPDATE Users SET Name = trim(Name)");
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true)|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Email", Altered));
    }

    [Fact]
    public async Task EfCore_update_in_a_comment_or_a_column_named_only_in_a_string_is_no_backfill()
    {
        await Verify(
            """
                        migrationBuilder.Sql("-- UPDATE Users SET Email = '' (done by the import job)\nSELECT 1");
                        migrationBuilder.Sql("UPDATE [dbo].[Users] SET Name = 'Email unknown' WHERE Name IS NULL");
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true)|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Email", Altered));
    }

    [Fact]
    public async Task EfCore_AlterColumn_after_a_qualified_UPDATE_ONLY_backfill_is_silent()
    {
        await Verify("""
                        migrationBuilder.Sql("UPDATE ONLY public.\"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL;");
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true);
            """);
    }

    [Fact]
    public async Task EfCore_AlterColumn_after_a_helper_call_or_non_constant_sql_is_silent()
    {
        await Verify("""
                        migrationBuilder.Sql(BackfillEmails());
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", nullable: false, oldClrType: typeof(string), oldNullable: true);
                    }

                    private static string BackfillEmails() => "UPDATE Users SET Email = '' WHERE Email IS NULL";

                    private void Unused()
                    {
            """);
    }

    [Fact]
    public async Task EfCore_AlterColumn_that_keeps_nullability_or_relaxes_it_is_silent()
    {
        await Verify("""
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", maxLength: 300, nullable: false, oldClrType: typeof(string), oldMaxLength: 200);
                        migrationBuilder.AlterColumn<string>(name: "Name", table: "Users", nullable: true, oldClrType: typeof(string));
            """);
    }

    [Fact]
    public async Task FluentMigrator_default_and_explicit_not_null_without_default_are_reported()
    {
        await VerifyFluent(
            """
                        {|#0:Alter.Table("Users")
                            .AddColumn("Age").AsInt32().NotNullable()
                            .AddColumn("Nickname").AsString(50).Nullable()|};
                        {|#1:Create.Column("IsActive").OnTable("Users").AsBoolean()|};
            """,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Age", AddedOnUnknown),
            Verifier.Diagnostic("MIG1030").WithLocation(1).WithArguments("Users", "IsActive", AddedOnUnknown));
    }

    [Fact]
    public async Task FluentMigrator_not_null_with_default_or_identity_is_silent()
    {
        await VerifyFluent("""
                        Alter.Table("Users")
                            .AddColumn("Age").AsInt32().NotNullable().WithDefaultValue(0)
                            .AddColumn("CreatedAt").AsDateTime().NotNullable().WithDefault(SystemMethods.CurrentUTCDateTime);
                        Create.Column("Number").OnTable("Orders").AsInt64().Identity();
            """);
    }

    [Fact]
    public async Task FluentMigrator_table_created_in_the_same_migration_is_silent()
    {
        await VerifyFluent("""
                        Create.Table("Countries").WithColumn("Code").AsFixedLengthString(2).PrimaryKey();
                        Alter.Table("Countries").AddColumn("Name").AsString(100).NotNullable();
                        Insert.IntoTable("Countries").Row(new { Code = "NL", Name = "Netherlands" });
            """);
    }

    [Fact]
    public async Task FluentMigrator_Alter_Column_of_a_column_that_was_nullable_is_reported()
    {
        var first = FmMigration("AddEmail", 202403011000, """
                        Alter.Table("Users").AddColumn("Email").AsString(200).Nullable();
            """);
        var second = FmMigration("AddUserAge", 202404011000, """
                        {|#0:Alter.Column("Email").OnTable("Users").AsString(200).NotNullable()|};
            """);
        await VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(
            new[] { first, second },
            null,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Email", Altered));
    }

    [Fact]
    public async Task FluentMigrator_Alter_Column_after_Update_Table_or_with_unknown_history_is_silent()
    {
        var first = FmMigration("AddEmail", 202403011000, """
                        Alter.Table("Users").AddColumn("Email").AsString(200).Nullable();
            """);
        var second = FmMigration("AddUserAge", 202404011000, """
                        Update.Table("Users").Set(new { Email = "" }).Where(new { Email = (string)null });
                        Alter.Column("Email").OnTable("Users").AsString(200).NotNullable();
                        Alter.Column("Phone").OnTable("Users").AsString(20).NotNullable();
            """);
        await VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(new[] { first, second }, null);
    }

    [Fact]
    public async Task FluentMigrator_Update_Table_of_another_column_is_no_backfill()
    {
        var first = FmMigration("AddEmail", 202403011000, """
                        Alter.Table("Users").AddColumn("Email").AsString(200).Nullable();
            """);
        var second = FmMigration("AddUserAge", 202404011000, """
                        Update.Table("Users").Set(new { Name = "n/a" }).Where(new { Name = (string)null });
                        {|#0:Alter.Table("Users").AlterColumn("Email").AsString(200).NotNullable()|};
            """);
        await VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(
            new[] { first, second },
            null,
            Verifier.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Email", Altered));
    }

    [Fact]
    public async Task Baseline_is_honoured()
    {
        await VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(
            EfMigration("AddUserAge", Id, """
                        migrationBuilder.AddColumn<int>(name: "Age", table: "Users", nullable: false);
            """),
            "migration_analyzers.baseline = 20240401100000\n");
    }
}
