using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Rules.Migrations;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

/// <summary>
/// MIG1050's NOT NULL fix: what it writes for EF Core and FluentMigrator on PostgreSQL 12+, and where it is not offered. The execution
/// test (SetNotNullWithCheckOnPostgresTests) runs the result on PostgreSQL with rows.
/// </summary>
public class NotNullWithCheckCodeFixTests
{
    private const string Path = "/0/Migrations/20240301000000_RequireUserEmail.cs";

    /// <summary>PostgreSQL, with MIG1193 off as the package's default preset has it (the lock_timeout test turns it on).</summary>
    private static readonly Dictionary<string, string> Postgres = new()
    {
        ["migration_analyzers.target_database"] = "postgresql",
        ["dotnet_diagnostic.MIG1193.severity"] = "none",
    };

    private const string CreateUsers = """
                    migrationBuilder.CreateTable(
                        name: "Users",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Email = table.Column<string>(type: "text", nullable: true),
                            Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
        """;

    private const string Backfill = """
                    migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '', \"Name\" = '' WHERE \"Email\" IS NULL OR \"Name\" IS NULL");
        """;

    private const string EmailNotNull = """
                    migrationBuilder.AlterColumn<string>(
                        name: "Email",
                        table: "Users",
                        type: "text",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: true);
        """;

    private const string EmailNullable = """
                    migrationBuilder.AlterColumn<string>(
                        name: "Email",
                        table: "Users",
                        type: "text",
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: false);
        """;

    private const string NameNotNull = """
                    migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        table: "Users",
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "character varying(100)",
                        oldMaxLength: 100,
                        oldNullable: true);
        """;

    private const string NameNullable = """
                    migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        table: "Users",
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "character varying(100)",
                        oldMaxLength: 100,
                        oldNullable: false);
        """;

    private static IEnumerable<(string Path, string Text)> History(string up, string down, string backfill = Backfill)
    {
        yield return (Sources.DbContextPath, Sources.DbContext);
        yield return (Sources.DesignerPath("20240101000000_CreateUsers"), Sources.Designer("CreateUsers", "20240101000000_CreateUsers"));
        yield return (Sources.MigrationPath("20240101000000_CreateUsers"), EfMigrationSources.Migration("CreateUsers", CreateUsers, """
                        migrationBuilder.DropTable(name: "Users");
            """));
        yield return (Sources.DesignerPath("20240201000000_BackfillUsers"), Sources.Designer("BackfillUsers", "20240201000000_BackfillUsers"));
        yield return (Sources.MigrationPath("20240201000000_BackfillUsers"), EfMigrationSources.Migration("BackfillUsers", backfill, "            // The filled rows keep their value."));
        yield return (Sources.DesignerPath("20240301000000_RequireUserEmail"), Sources.Designer("RequireUserEmail", "20240301000000_RequireUserEmail"));
        yield return (Path, EfMigrationSources.Migration("RequireUserEmail", up, down));
    }

    private static async Task<IReadOnlyDictionary<string, string>> FixAsync(IEnumerable<(string Path, string Text)> sources, Dictionary<string, string> settings, string key = NotNullWithCheckCodeFix.SameFileKey)
        => (await CodeFixApplier.ApplyAsync(new RiskyColumnTypeChangeAnalyzer(), new NotNullWithCheckCodeFix(), sources, equivalenceKey: key, settings: settings)).Sources;

    private const string FixedSameFile = """
        using System;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Metadata;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class RequireUserEmail : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // NOT VALID: only new and changed rows are checked here; RequireUserEmailSetNotNull checks the existing ones without blocking writes, then makes Email NOT NULL.
                    migrationBuilder.Sql("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID;");
                    // NOT VALID: only new and changed rows are checked here; RequireUserEmailSetNotNull checks the existing ones without blocking writes, then makes Name NOT NULL.
                    migrationBuilder.Sql("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Name_NotNull\" CHECK (\"Name\" IS NOT NULL) NOT VALID;");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Name_NotNull\";");
                    migrationBuilder.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Email_NotNull\";");
                }
            }

            /// <inheritdoc />
            [DbContext(typeof(AppDbContext))]
            [Migration("20240301000001_RequireUserEmailSetNotNull")]
            public class RequireUserEmailSetNotNull : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Checks the existing rows while writes go on; then PostgreSQL 12+ takes the check as proof that Email holds no NULL and makes it NOT NULL without a scan.
                    migrationBuilder.Sql("ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Email_NotNull\";");
                    migrationBuilder.AlterColumn<string>(
                        name: "Email",
                        table: "Users",
                        type: "text",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: true);
                    migrationBuilder.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Email_NotNull\";");
                    // Checks the existing rows while writes go on; then PostgreSQL 12+ takes the check as proof that Name holds no NULL and makes it NOT NULL without a scan.
                    migrationBuilder.Sql("ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Name_NotNull\";");
                    migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        table: "Users",
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "character varying(100)",
                        oldMaxLength: 100,
                        oldNullable: true);
                    migrationBuilder.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Name_NotNull\";");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Name_NotNull\" CHECK (\"Name\" IS NOT NULL) NOT VALID;");
                    migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        table: "Users",
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "character varying(100)",
                        oldMaxLength: 100,
                        oldNullable: false);
                    migrationBuilder.Sql("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID;");
                    migrationBuilder.AlterColumn<string>(
                        name: "Email",
                        table: "Users",
                        type: "text",
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: false);
                }

                // The schema is the same as after RequireUserEmail: its model maps the tables this migration's data operations use.
                public override IModel TargetModel => new RequireUserEmail().TargetModel;
            }
        }
        """;

    [Fact]
    public async Task EfCore_every_not_null_change_of_the_migration_gets_its_check_and_one_following_migration()
    {
        var fixedSources = await FixAsync(History(EmailNotNull + "\n" + NameNotNull, NameNullable + "\n" + EmailNullable), Postgres);
        Assert.Equal(FixedSameFile.ReplaceLineEndings(), fixedSources[Path].ReplaceLineEndings());
    }

    [Fact]
    public async Task EfCore_new_migration_file_holds_the_same_migration()
    {
        var sources = History(EmailNotNull, EmailNullable).ToList();
        var fixedSources = await FixAsync(sources, Postgres, NotNullWithCheckCodeFix.NewFilesKey);
        Assert.Equal(sources.Count + 1, fixedSources.Count);
        var added = Assert.Single(fixedSources, source => source.Key.EndsWith("20240301000001_RequireUserEmailSetNotNull.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("[Migration(\"20240301000001_RequireUserEmailSetNotNull\")]", added, System.StringComparison.Ordinal);
        Assert.Contains("VALIDATE CONSTRAINT \\\"CK_Users_Email_NotNull\\\"", added, System.StringComparison.Ordinal);
        Assert.DoesNotContain("AlterColumn", fixedSources[Path], System.StringComparison.Ordinal);
    }

    /// <summary>
    /// MIG1193's SET LOCAL lock_timeout: copied from the original when its fix ran first, written as that fix would when
    /// MIG1193 reports the original; so both orders of the two fixes end with the same migrations.
    /// </summary>
    [Fact]
    public async Task Lock_timeout_comes_along_whichever_fix_runs_first()
    {
        var settings = new Dictionary<string, string>(Postgres) { ["dotnet_diagnostic.MIG1193.severity"] = "warning" };
        var setting = "            migrationBuilder.Sql(\"SET LOCAL lock_timeout = '5s';\");\n";

        var timeoutFirst = await FixAsync(History(setting + EmailNotNull, EmailNullable), settings);
        Assert.Equal(2, Occurrences(timeoutFirst[Path], "SET LOCAL lock_timeout = '5s';"));

        var timeoutAfter = await FixAsync(History(EmailNotNull, EmailNullable), settings);
        Assert.Equal(1, Occurrences(timeoutAfter[Path], "SET LOCAL lock_timeout = '5s';"));
        var (afterBoth, _) = await CodeFixApplier.ApplyAsync(
            new LockingDdlWithoutLockTimeoutAnalyzer(), new LockTimeoutCodeFix(), timeoutAfter.Select(pair => (pair.Key, pair.Value)), settings: settings);
        Assert.Equal(timeoutFirst[Path].ReplaceLineEndings(), afterBoth[Path].ReplaceLineEndings());

        // MIG1193 off: nothing asks for a timeout, none is written.
        Assert.Equal(0, Occurrences((await FixAsync(History(EmailNotNull, EmailNullable), Postgres))[Path], "lock_timeout"));

        static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, System.StringComparison.Ordinal).Length) / part.Length;
    }

    [Theory]
    [InlineData("sqlserver", null)] // SQL Server has no lock-free form: the warning stays without a fix
    [InlineData("postgresql", "postgresql 11")] // before 12 SET NOT NULL cannot use the check
    public async Task Not_offered_where_the_check_does_not_help(string database, string? version)
    {
        var settings = new Dictionary<string, string> { ["migration_analyzers.target_database"] = database };
        if (version is not null)
        {
            settings["migration_analyzers.database_version"] = version;
        }

        var sources = History(EmailNotNull, EmailNullable).ToList();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new RiskyColumnTypeChangeAnalyzer(), new NotNullWithCheckCodeFix(), sources, settings: settings);
        Assert.Single(remaining, d => d.Id == "MIG1050");
        Assert.Equal(sources.ToDictionary(source => source.Path, source => source.Text), fixedSources);
    }

    [Theory]
    [InlineData("""
                    migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "character varying(50)", maxLength: 50, nullable: false,
                        oldClrType: typeof(string), oldType: "text", oldNullable: true);
        """)] // a type change too: the report is not the NOT NULL case alone
    [InlineData("""
                    migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: false, comment: "Sign-in address",
                        oldClrType: typeof(string), oldType: "text", oldNullable: true);
        """)] // another facet changes with it
    [InlineData("""
                    migrationBuilder.AlterColumn<string>(name: EmailColumn, table: "Users", type: "text", nullable: false,
                        oldClrType: typeof(string), oldType: "text", oldNullable: true);
        """)] // a name the fix cannot read as a literal
    [InlineData("""
                    migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: false,
                        oldClrType: typeof(string), oldType: "text", oldNullable: true)
                        .Annotation("Npgsql:Comment", "x");
        """)] // annotations
    public async Task Not_offered_when_the_change_is_more_than_the_nullability(string up)
    {
        var sources = History(up, EmailNullable).Select(source => source.Path == Path
            ? (Path: source.Path, Text: source.Text.Replace("public partial class RequireUserEmail : Migration\n    {", "public partial class RequireUserEmail : Migration\n    {\n        private const string EmailColumn = \"Email\";\n", System.StringComparison.Ordinal))
            : (Path: source.Path, Text: source.Text)).ToList();
        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new RiskyColumnTypeChangeAnalyzer(), new NotNullWithCheckCodeFix(), sources, settings: Postgres);
        Assert.Contains(remaining, d => d.Id == "MIG1050");
        Assert.Equal(sources.ToDictionary(source => source.Path, source => source.Text), fixedSources);
    }

    [Theory]
    [InlineData("")] // no Down statement undoes it
    [InlineData("FOLLOWS")] // a migration already follows directly
    public async Task Not_offered_without_an_inverse_or_room_after_the_migration(string variant)
    {
        var sources = History(EmailNotNull, variant == "" ? string.Empty : EmailNullable).ToList();
        if (variant == "FOLLOWS")
        {
            sources.Add((Sources.DesignerPath("20240301000001_Later"), Sources.Designer("Later", "20240301000001_Later")));
            sources.Add((Sources.MigrationPath("20240301000001_Later"), EfMigrationSources.Migration("Later", string.Empty)));
        }

        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(new RiskyColumnTypeChangeAnalyzer(), new NotNullWithCheckCodeFix(), sources, settings: Postgres);
        Assert.Contains(remaining, d => d.Id == "MIG1050");
        Assert.Equal(sources.ToDictionary(source => source.Path, source => source.Text), fixedSources);
    }

    private const string FluentPath = "/0/Migrations/0002_RequireUserEmail.cs";

    private const string FluentCreateUsers = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(1)]
            public class CreateUsers : Migration
            {
                public override void Up()
                {
                    Create.Table("Users")
                        .WithColumn("Id").AsInt32().PrimaryKey()
                        .WithColumn("Email").AsString(200).Nullable()
                        .WithColumn("Name").AsString(100).Nullable();
                    Execute.Sql("UPDATE \"Users\" SET \"Email\" = '', \"Name\" = '' WHERE \"Email\" IS NULL OR \"Name\" IS NULL");
                }

                public override void Down()
                {
                    Delete.Table("Users");
                }
            }
        }
        """;

    private static string FluentRequire(string up, string down) => $$"""
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(2)]
            public class RequireUserEmail : Migration
            {
        {{(up.Contains("EmailColumn", System.StringComparison.Ordinal) ? "        private const string EmailColumn = \"Email\";\n\n" : string.Empty)}}        public override void Up()
                {
        {{up}}
                }

                public override void Down()
                {
        {{down}}
                }
            }
        }
        """;

    private const string FluentEmailNotNull = """            Alter.Column("Email").OnTable("Users").AsString(200).NotNullable();""";
    private const string FluentEmailNullable = """            Alter.Column("Email").OnTable("Users").AsString(200).Nullable();""";

    private static List<(string Path, string Text)> FluentHistory(string up, string down)
        => new() { ("/0/Migrations/0001_CreateUsers.cs", FluentCreateUsers), (FluentPath, FluentRequire(up, down)) };

    private const string FluentFixedSameFile = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            [Migration(2)]
            public class RequireUserEmail : Migration
            {
                public override void Up()
                {
                    // NOT VALID: only new and changed rows are checked here; RequireUserEmailSetNotNull checks the existing ones without blocking writes, then makes Email NOT NULL.
                    Execute.Sql("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID;");
                }

                public override void Down()
                {
                    Execute.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Email_NotNull\";");
                }
            }

            [Migration(3)]
            public class RequireUserEmailSetNotNull : Migration
            {
                public override void Up()
                {
                    // Checks the existing rows while writes go on; then PostgreSQL 12+ takes the check as proof that Email holds no NULL and makes it NOT NULL without a scan.
                    Execute.Sql("ALTER TABLE \"Users\" VALIDATE CONSTRAINT \"CK_Users_Email_NotNull\";");
                    Execute.Sql("ALTER TABLE \"Users\" ALTER COLUMN \"Email\" SET NOT NULL;");
                    Execute.Sql("ALTER TABLE \"Users\" DROP CONSTRAINT \"CK_Users_Email_NotNull\";");
                }

                public override void Down()
                {
                    Execute.Sql("ALTER TABLE \"Users\" ADD CONSTRAINT \"CK_Users_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID;");
                    Execute.Sql("ALTER TABLE \"Users\" ALTER COLUMN \"Email\" DROP NOT NULL;");
                }
            }
        }
        """;

    [Fact]
    public async Task FluentMigrator_check_not_valid_then_set_not_null_in_raw_SQL_in_a_following_migration()
    {
        var fixedSources = await FixAsync(FluentHistory(FluentEmailNotNull, FluentEmailNullable), Postgres);
        Assert.Equal(FluentFixedSameFile.ReplaceLineEndings(), fixedSources[FluentPath].ReplaceLineEndings());
    }

    [Fact]
    public async Task FluentMigrator_new_migration_file_holds_the_same_migration()
    {
        var sources = FluentHistory(FluentEmailNotNull, FluentEmailNullable);
        var fixedSources = await FixAsync(sources, Postgres, NotNullWithCheckCodeFix.NewFilesKey);
        Assert.Equal(sources.Count + 1, fixedSources.Count);
        var added = Assert.Single(fixedSources, source => !sources.Any(original => original.Path == source.Key)).Value;
        Assert.Contains("[Migration(3)]", added, System.StringComparison.Ordinal);
        Assert.Contains("ALTER COLUMN \\\"Email\\\" SET NOT NULL;", added, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Alter.Column", fixedSources[FluentPath], System.StringComparison.Ordinal);
    }

    /// <summary>
    /// A later migration (not directly after) that restates NOT NULL with a longer type: the history reads the fix's raw
    /// SET NOT NULL as the change it is, so the later one draws no new MIG1050 or MIG1030.
    /// </summary>
    [Fact]
    public async Task FluentMigrator_fix_adds_no_diagnostic_to_later_migrations()
    {
        // MIG1193 on, as the package-wide check below runs every analyzer whatever its severity.
        var settings = new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql", ["migration_analyzers.deployment"] = "rolling" };
        var sources = FluentHistory(FluentEmailNotNull, FluentEmailNullable);
        sources.Add(("/0/Migrations/0005_WidenEmail.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(5)]
                public class WidenEmail : Migration
                {
                    public override void Up()
                    {
                        Alter.Column("Email").OnTable("Users").AsString(300).NotNullable();
                    }

                    public override void Down()
                    {
                        Alter.Column("Email").OnTable("Users").AsString(200).NotNullable();
                    }
                }
            }
            """));
        var fixedSources = await FixAsync(sources, settings);
        Assert.Contains("[Migration(3)]", fixedSources[FluentPath], System.StringComparison.Ordinal);

        var before = await Execution.Postgres.PackageDiagnostics.OfAsync(sources.Select(source => source.Text), settings);
        var after = await Execution.Postgres.PackageDiagnostics.OfAsync(fixedSources.Values, settings);
        Assert.Empty(after.Except(before));
        Assert.Single(before, d => d.StartsWith("MIG1050", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task FluentMigrator_lock_timeout_comes_along_whichever_fix_runs_first()
    {
        var settings = new Dictionary<string, string>(Postgres) { ["dotnet_diagnostic.MIG1193.severity"] = "warning" };
        var setting = "            Execute.Sql(\"SET LOCAL lock_timeout = '5s';\");\n";

        var timeoutFirst = await FixAsync(FluentHistory(setting + FluentEmailNotNull, FluentEmailNullable), settings);
        Assert.Equal(2, Occurrences(timeoutFirst[FluentPath], "SET LOCAL lock_timeout = '5s';"));

        var timeoutAfter = await FixAsync(FluentHistory(FluentEmailNotNull, FluentEmailNullable), settings);
        Assert.Equal(1, Occurrences(timeoutAfter[FluentPath], "SET LOCAL lock_timeout = '5s';"));
        var (afterBoth, remaining) = await CodeFixApplier.ApplyAsync(
            new LockingDdlWithoutLockTimeoutAnalyzer(), new LockTimeoutCodeFix(), timeoutAfter.Select(pair => (pair.Key, pair.Value)), settings: settings);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1193");
        Assert.Equal(timeoutFirst[FluentPath].ReplaceLineEndings(), afterBoth[FluentPath].ReplaceLineEndings());

        static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, System.StringComparison.Ordinal).Length) / part.Length;
    }

    /// <summary>
    /// The raw SQL drops the TYPE clause Alter.Column always writes: only the same change when that type is the column's
    /// own, as the history knows it, and the chain says nothing else.
    /// </summary>
    [Theory]
    [InlineData("""            Alter.Column("Email").OnTable("Users").AsString(300).NotNullable();""", FluentEmailNullable)] // another length: MIG1050 does not report the NOT NULL case alone
    [InlineData("""            Alter.Column("Email").OnTable("Users").AsAnsiString(200).NotNullable();""", FluentEmailNullable)] // another type call, even if PostgreSQL maps it alike
    [InlineData("""            Alter.Column("Email").OnTable("Users").AsString(200).NotNullable().WithColumnDescription("Sign-in address");""", FluentEmailNullable)] // something else changes with it
    [InlineData("""            Alter.Column(EmailColumn).OnTable("Users").AsString(200).NotNullable();""", FluentEmailNullable)] // a name the fix cannot read as a literal
    [InlineData("""            Alter.Table("Users").AlterColumn("Email").AsString(200).NotNullable();""", FluentEmailNullable)] // one chain can alter several columns
    [InlineData(FluentEmailNotNull, """            Alter.Column("Email").OnTable("Users").AsString(300).Nullable();""")] // Down changes the type too
    [InlineData(FluentEmailNotNull, "")] // no Down statement undoes it
    [InlineData(FluentEmailNotNull, """            IfDatabase("Postgres").Alter.Column("Email").OnTable("Users").AsString(200).Nullable();""")] // Down only on one database
    public async Task FluentMigrator_not_offered_when_the_change_is_more_than_the_nullability(string up, string down)
    {
        var sources = FluentHistory(up, down);
        var (fixedSources, _) = await CodeFixApplier.ApplyAsync(new RiskyColumnTypeChangeAnalyzer(), new NotNullWithCheckCodeFix(), sources, settings: Postgres);
        Assert.Equal(sources.ToDictionary(source => source.Path, source => source.Text), fixedSources);
    }

    [Theory]
    [InlineData("Users", "Email", "CK_Users_Email_NotNull")]
    [InlineData("CustomerLoyaltyProgrammeMemberships", "PreferredCommunicationChannelIdentifier", "CK_CustomerLoyaltyProgrammeMemberships_Preferr_")]
    public void Constraint_names_fit_PostgreSQL_identifiers(string table, string column, string start)
    {
        var name = NotNullWithCheck.ConstraintName(table, column);
        Assert.StartsWith(start, name, System.StringComparison.Ordinal);
        Assert.EndsWith("_NotNull", name, System.StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(name) <= 63, name);
        Assert.NotEqual(name, NotNullWithCheck.ConstraintName(table, column + "2"));
        Assert.Equal(name, NotNullWithCheck.ConstraintName(table, column));
    }
}
