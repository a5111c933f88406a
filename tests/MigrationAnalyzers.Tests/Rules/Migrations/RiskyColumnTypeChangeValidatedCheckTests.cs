using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Migrations;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.RiskyColumnTypeChangeAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>
/// MIG1050 on PostgreSQL 12+ stays silent on the recipe its own message gives: a validated <c>CHECK (col IS NOT NULL)</c>
/// (added NOT VALID and validated later, or added validated), not dropped, before SET NOT NULL. Anything less keeps the report.
/// FluentMigrator's <c>Alter.Column(…).NotNullable()</c> stays reported after the check: it restates the type, and the TYPE
/// clause verifies the check again with a scan (SetNotNullWithCheckOnPostgresTests proves it); only SET NOT NULL in raw SQL skips it.
/// </summary>
public class RiskyColumnTypeChangeValidatedCheckTests
{
    private const string Postgres = "migration_analyzers.target_database = postgresql\n";
    private const string Recipe = "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (\"Email\" IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate migration, then SET NOT NULL with Execute.Sql (Alter.Column restates the type, and its TYPE clause verifies the check again with a scan), and drop the check in a later statement (dropped in the same ALTER TABLE, the scan comes back)";
    private const string EfCoreRecipe = "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (\"Email\" IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate migration, then SET NOT NULL (which uses the check instead of scanning), and drop the check in a later statement (dropped in the same ALTER TABLE, the scan comes back)";
    private const string TypeClauseRescans = "Alter.Column restates the type (ALTER … TYPE …, ALTER … SET NOT NULL in one statement), and PostgreSQL verifies the validated CHECK (\"Email\" IS NOT NULL) again for the TYPE clause: the whole table is scanned under an ACCESS EXCLUSIVE lock all the same; run ALTER TABLE … ALTER COLUMN \"Email\" SET NOT NULL alone with Execute.Sql instead";

    private static readonly (string Path, string Text) CreateUsers = FmMigration("AddUsers", 202401010900, """
                    Create.Table("Users")
                        .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                        .WithColumn("Email").AsString(200).Nullable()
                        .WithColumn("Name").AsString(200).Nullable();
        """);

    private static readonly (string Path, string Text) Backfill = FmMigration("BackfillEmail", 202401020900, """
                    Execute.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
        """);

    private static (string Path, string Text) AddCheck(string sql) => FmMigration("AddEmailCheck", 202401030900, $$"""
                    Execute.Sql({{SymbolLiteral(sql)}});
        """);

    private static (string Path, string Text) Validate(string sql) => FmMigration("ValidateEmailCheck", 202401040900, $$"""
                    Execute.Sql({{SymbolLiteral(sql)}});
        """);

    private static readonly (string Path, string Text) SetNotNull = FmMigration("EmailNotNull", 202401050900, """
                    {|#0:Alter.Column("Email").OnTable("Users").AsString(200).NotNullable()|};
                    Execute.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Email_NotNull\"");
        """);

    /// <summary>The recipe's last step for FluentMigrator: SET NOT NULL alone, in raw SQL.</summary>
    private static readonly (string Path, string Text) SetNotNullInSql = FmMigration("EmailNotNull", 202401050900, """
                    Execute.Sql("ALTER TABLE \"Users\" ALTER COLUMN \"Email\" SET NOT NULL");
                    Execute.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Email_NotNull\"");
        """);

    private static string SymbolLiteral(string sql) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(sql, quote: true);

    private static DiagnosticResult Reported(string reason = Recipe)
        => Verifier.Diagnostic("MIG1050").WithLocation(0).WithArguments("Users", "Email", reason);

    private static Task Verify((string Path, string Text) check, (string Path, string Text) validate, string editorConfig = Postgres, params DiagnosticResult[] expected)
        => VerifyAsync<RiskyColumnTypeChangeAnalyzer>(new[] { CreateUsers, Backfill, check, validate, SetNotNull }, editorConfig, expected);

    private const string ValidatedAdd = "ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID";
    private const string ValidateIt = "ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Email_NotNull\"";

    [Theory]
    [InlineData("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID", "ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Email_NotNull\"")]
    [InlineData("alter table public.users add constraint ck_users_email_notnull check ((email is not null)) not valid;", "ALTER TABLE ONLY \"public\".\"Users\" VALIDATE CONSTRAINT ck_users_email_notnull;")]
    [InlineData("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL)", "SELECT 1")]
    public async Task FluentMigrator_Alter_Column_after_a_validated_check_is_reported_because_the_TYPE_clause_scans(string check, string validate)
        => await Verify(AddCheck(check), Validate(validate), expected: Reported(TypeClauseRescans));

    [Fact]
    public async Task FluentMigrator_SET_NOT_NULL_in_raw_SQL_after_a_validated_check_is_silent()
        => await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(new[] { CreateUsers, Backfill, AddCheck(ValidatedAdd), Validate(ValidateIt), SetNotNullInSql }, Postgres);

    /// <summary>
    /// The history reads SET / DROP NOT NULL in raw SQL as the nullability change it is (what the FluentMigrator fix
    /// writes): a later Alter.Column that restates NOT NULL with a longer type makes no NOT NULL change.
    /// </summary>
    [Fact]
    public async Task Column_made_NOT_NULL_in_raw_SQL_stays_NOT_NULL_for_later_migrations()
        => await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            new[]
            {
                CreateUsers, Backfill, AddCheck(ValidatedAdd), Validate(ValidateIt), SetNotNullInSql,
                FmMigration("WidenEmail", 202401060900, """
                    Alter.Column("Email").OnTable("Users").AsString(300).NotNullable();
        """),
            },
            Postgres);

    [Fact]
    public async Task Column_made_nullable_again_in_raw_SQL_is_made_NOT_NULL_again_by_a_later_Alter_Column()
        => await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            new[]
            {
                CreateUsers, Backfill, AddCheck(ValidatedAdd), Validate(ValidateIt), SetNotNullInSql,
                FmMigration("EmailOptional", 202401060900, """
                    Execute.Sql("ALTER TABLE \"Users\" ALTER \"Email\" DROP NOT NULL;");
        """),
                FmMigration("BackfillAgain", 202401070900, """
                    Execute.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
        """),
                FmMigration("EmailRequired", 202401080900, """
                    {|#0:Alter.Column("Email").OnTable("Users").AsString(200).NotNullable()|};
        """),
            },
            Postgres,
            Reported());

    [Fact]
    public async Task Unknown_server_version_counts_as_current()
        => await Verify(AddCheck(ValidatedAdd), Validate(ValidateIt), Postgres + "migration_analyzers.target_database_version = 16\n", Reported(TypeClauseRescans));

    [Theory]
    [InlineData(
        "ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID",
        "SELECT 1")] // never validated
    [InlineData(
        "ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL OR \"Id\" < 0) NOT VALID",
        "ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Email_NotNull\"")] // not exactly Email IS NOT NULL
    [InlineData(
        "ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK ((\"Email\") IS NOT NULL AND TRUE) NOT VALID",
        "ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Email_NotNull\"")]
    [InlineData(
        "ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Name_NotNull\" CHECK (\"Name\" IS NOT NULL) NOT VALID",
        "ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Name_NotNull\"")] // another column
    [InlineData(
        "ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID",
        "ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"Other\"")] // another constraint validated
    [InlineData(
        "ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL)",
        "ALTER TABLE \"Users\" DROP CONSTRAINT IF EXISTS \"CK_Users_Email_NotNull\"")] // dropped before
    [InlineData(
        "ALTER TABLE \"Orders\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL)",
        "SELECT 1")] // another table
    public async Task Anything_short_of_a_validated_not_null_check_is_still_reported(string check, string validate)
        => await Verify(AddCheck(check), Validate(validate), expected: Reported());

    [Fact]
    public async Task Before_PostgreSQL_12_the_check_does_not_help()
        => await Verify(
            AddCheck("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID"),
            Validate("ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Email_NotNull\""),
            Postgres + "migration_analyzers.target_database_version = 11\n",
            Reported("SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and before PostgreSQL 12 it cannot use a validated CHECK; keep a CHECK (\"Email\" IS NOT NULL) constraint added NOT VALID and validated separately instead"));

    [Fact]
    public async Task EfCore_check_validated_by_an_earlier_statement_of_the_same_migration_is_silent()
        => await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            EfMigration("ChangeUserColumns", "20240501100000_ChangeUserColumns", """
                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
                        migrationBuilder.Sql("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID;");
                        migrationBuilder.Sql("ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Email_NotNull\";");
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: false,
                            oldClrType: typeof(string), oldType: "text", oldNullable: true);
                        migrationBuilder.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Email_NotNull\";");
            """),
            Postgres);

    [Fact]
    public async Task EfCore_AddCheckConstraint_is_validated_when_added()
        => await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            EfMigration("ChangeUserColumns", "20240501100000_ChangeUserColumns", """
                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
                        migrationBuilder.AddCheckConstraint(name: "CK_Users_Email_NotNull", table: "Users", sql: "(\"Email\" IS NOT NULL)");
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: false,
                            oldClrType: typeof(string), oldType: "text", oldNullable: true);
            """),
            Postgres);

    [Fact]
    public async Task EfCore_check_dropped_before_the_change_is_reported()
        => await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            EfMigration("ChangeUserColumns", "20240501100000_ChangeUserColumns", """
                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
                        migrationBuilder.AddCheckConstraint(name: "CK_Users_Email_NotNull", table: "Users", sql: "\"Email\" IS NOT NULL");
                        migrationBuilder.DropCheckConstraint(name: "CK_Users_Email_NotNull", table: "Users");
                        {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: false,
                            oldClrType: typeof(string), oldType: "text", oldNullable: true)|};
            """),
            Postgres,
            Reported(EfCoreRecipe));
}
