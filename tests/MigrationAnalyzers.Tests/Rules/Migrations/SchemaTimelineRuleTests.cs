using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Migrations;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;
using Deprecation = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.DropWithoutDeprecationAnalyzer>;
using NotNull = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.NotNullColumnWithoutDefaultAnalyzer>;
using RawSql = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.DestructiveRawSqlAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>
/// Rules take what a table or column was from the schema timeline (earlier migrations and Designer models), not
/// from an operation's possibly stale <c>old…</c> arguments: the shapes real histories have.
/// </summary>
public class SchemaTimelineRuleTests
{
    private const string First = "20240301090000_CreateUsers";
    private const string Second = "20240310090000_FillUsers";
    private const string Third = "20240320090000_RequireEmail";
    private const string Altered = "becomes NOT NULL with no backfill before it, so the migration fails on the first row that holds NULL; fill the NULLs in an earlier migration (no fix is offered: a default does not fill rows that already hold NULL)";

    private static string CreateUsers(bool emailNullable) => $$"""
                        migrationBuilder.CreateTable(
                            name: "Users",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                Email = table.Column<string>(type: "text", nullable: {{(emailNullable ? "true" : "false")}})
                            },
                            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
            """;

    /// <summary>
    /// What <c>dotnet ef migrations add</c> scaffolds from a snapshot that still thinks Email allows NULL, without the
    /// <c>defaultValue</c> (Npgsql would fill the NULLs with it, which is the target-database rules' concern, not history's).
    /// </summary>
    private const string StaleRequireEmail = """
                        {|#0:migrationBuilder.AlterColumn<string>(
                            name: "Email",
                            table: "Users",
                            type: "text",
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "text",
                            oldNullable: true)|};
            """;

    private static IEnumerable<(string, string)> History(params (string ClassName, string Id, string Up, string Model)[] migrations)
        => migrations.SelectMany(m => EfMigration(m.ClassName, m.Id, m.Up, string.Empty, m.Model));

    private static Task VerifyNotNull(IEnumerable<(string, string)> sources, params DiagnosticResult[] expected)
        => VerifyAsync<NotNullColumnWithoutDefaultAnalyzer>(sources, null, expected);

    private static DiagnosticResult EmailAltered() => NotNull.Diagnostic("MIG1030").WithLocation(0).WithArguments("Users", "Email", Altered);

    // MIG1030: nullability comes from the history; oldNullable is a hint.

    [Fact]
    public async Task EfCore_stale_oldNullable_on_a_column_created_NOT_NULL_is_silent()
    {
        await VerifyNotNull(History(
            ("CreateUsers", First, CreateUsers(emailNullable: false), ""),
            ("RequireEmail", Third, StaleRequireEmail, "")));
    }

    [Fact]
    public async Task EfCore_stale_oldNullable_after_an_earlier_migration_made_it_required_is_silent()
    {
        var requireInBranch = StaleRequireEmail.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
        await VerifyNotNull(History(
            ("CreateUsers", First, CreateUsers(emailNullable: true) + "\n" + "migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"Email\\\" = '' WHERE \\\"Email\\\" IS NULL\");", ""),
            ("FillUsers", Second, requireInBranch, ""),
            ("RequireEmail", Third, StaleRequireEmail, "")));
    }

    [Fact]
    public async Task EfCore_column_that_the_history_shows_nullable_is_still_reported()
    {
        await VerifyNotNull(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
                ("RequireEmail", Third, StaleRequireEmail, "")),
            EmailAltered());
    }

    [Fact]
    public async Task EfCore_column_followed_through_a_rename_keeps_its_nullability()
    {
        var createWithMail = CreateUsers(emailNullable: false).Replace("Email =", "Mail =");
        await VerifyNotNull(History(
            ("CreateUsers", First, createWithMail, ""),
            ("FillUsers", Second, "            migrationBuilder.RenameColumn(name: \"Mail\", table: \"Users\", newName: \"Email\");", ""),
            ("RequireEmail", Third, StaleRequireEmail, "")));

        await VerifyNotNull(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true).Replace("Email =", "Mail ="), ""),
                ("FillUsers", Second, "            migrationBuilder.RenameColumn(name: \"Mail\", table: \"Users\", newName: \"Email\");", ""),
                ("RequireEmail", Third, StaleRequireEmail, "")),
            EmailAltered());
    }

    [Fact]
    public async Task EfCore_previous_Designer_model_with_a_required_column_is_silent_and_an_optional_one_is_reported()
    {
        static string Model(string email) => $$"""
                        modelBuilder.Entity("Shop.Data.User", b =>
                            {
                                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("integer");
                                {{email}}
                                b.HasKey("Id");
                                b.ToTable("Users");
                            });
            """;

        // The history starts after Users was created: only the previous Designer knows Email.
        await VerifyNotNull(History(
            ("CreateUsers", First, string.Empty, Model("b.Property<string>(\"Email\").IsRequired().HasColumnType(\"text\");")),
            ("RequireEmail", Third, StaleRequireEmail, "")));

        await VerifyNotNull(
            History(
                ("CreateUsers", First, string.Empty, Model("b.Property<string>(\"Email\").HasColumnType(\"text\");")),
                ("RequireEmail", Third, StaleRequireEmail, "")),
            EmailAltered());
    }

    // MIG1030: a backfill in an earlier migration counts (add nullable, backfill, then NOT NULL).

    [Fact]
    public async Task EfCore_add_nullable_then_raw_UPDATE_then_NOT_NULL_across_migrations_is_silent()
    {
        await VerifyNotNull(History(
            ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
            ("FillUsers", Second, "            migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"Email\\\" = 'unknown@example.com' WHERE \\\"Email\\\" IS NULL\");", ""),
            ("RequireEmail", Third, StaleRequireEmail, "")));
    }

    [Fact]
    public async Task EfCore_backfill_of_another_column_in_an_earlier_migration_does_not_count()
    {
        await VerifyNotNull(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
                ("FillUsers", Second, "            migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"Id\\\" = \\\"Id\\\" + 0\");", ""),
                ("RequireEmail", Third, StaleRequireEmail, "")),
            EmailAltered());
    }

    [Fact]
    public async Task EfCore_UpdateData_in_an_earlier_migration_is_a_backfill()
    {
        await VerifyNotNull(History(
            ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
            ("FillUsers", Second, "            migrationBuilder.UpdateData(table: \"Users\", keyColumn: \"Id\", keyValue: 1, column: \"Email\", value: \"admin@example.com\");", ""),
            ("RequireEmail", Third, StaleRequireEmail, "")));
    }

    [Fact]
    public async Task Pomelo_UpdateData_keyed_on_NULL_before_NOT_NULL_is_a_backfill_in_the_same_or_the_previous_migration()
    {
        const string pomeloBackfill = """
                        migrationBuilder.UpdateData(
                            table: "Users",
                            keyColumn: "Email",
                            keyValue: null,
                            column: "Email",
                            value: "");
            """;
        await VerifyNotNull(History(
            ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
            ("RequireEmail", Third, pomeloBackfill + "\n" + StaleRequireEmail, "")));

        await VerifyNotNull(History(
            ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
            ("FillUsers", Second, pomeloBackfill, ""),
            ("RequireEmail", Third, StaleRequireEmail, "")));
    }

    [Fact]
    public async Task Backfill_before_the_column_was_made_nullable_again_no_longer_counts()
    {
        var relax = """
                        migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", type: "text", nullable: true, oldClrType: typeof(string), oldType: "text");
            """;
        var require = StaleRequireEmail.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
        await VerifyNotNull(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true) + "\n            migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"Email\\\" = ''\");\n" + require, ""),
                ("FillUsers", Second, relax, ""),
                ("RequireEmail", Third, StaleRequireEmail, "")),
            EmailAltered());
    }

    [Fact]
    public async Task FluentMigrator_add_nullable_then_Execute_Sql_UPDATE_then_NOT_NULL_is_silent_and_without_it_reported()
    {
        var add = FmMigration("AddEmail", 202403011000, """
                        Alter.Table("Users").AddColumn("Email").AsString(200).Nullable();
            """);
        var fill = FmMigration("FillEmail", 202403101000, """
                        Execute.Sql("UPDATE Users SET Email = '' WHERE Email IS NULL");
            """);
        var other = FmMigration("FillEmail", 202403101000, """
                        Execute.Sql("UPDATE Users SET Name = '' WHERE Name IS NULL");
            """);
        var require = FmMigration("RequireEmail", 202403201000, """
                        {|#0:Alter.Column("Email").OnTable("Users").AsString(200).NotNullable()|};
            """);

        await VerifyNotNull(new[] { add, fill, require });
        await VerifyNotNull(new[] { add, other, require }, EmailAltered());
    }

    [Fact]
    public async Task FluentMigrator_column_created_NOT_NULL_is_not_made_NOT_NULL_again()
    {
        var create = FmMigration("CreateUsers", 202403011000, """
                        Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Email").AsString(200).NotNullable();
            """);
        var require = FmMigration("RequireEmail", 202403201000, """
                        Alter.Column("Email").OnTable("Users").AsString(300).NotNullable();
            """);
        await VerifyNotNull(new[] { create, require });
    }

    // MIG1050 takes over from MIG1030 when the backfill was in an earlier migration, and is silent when the column already was NOT NULL.

    [Fact]
    public async Task EfCore_NOT_NULL_after_a_backfill_in_an_earlier_migration_gets_the_lock_advice_not_MIG1030()
    {
        var fill = "            migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"Email\\\" = '' WHERE \\\"Email\\\" IS NULL\");";
        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
                ("FillUsers", Second, fill, ""),
                ("RequireEmail", Third, StaleRequireEmail, "")),
            "migration_analyzers.target_database = postgresql\n",
            Infrastructure.Verify<RiskyColumnTypeChangeAnalyzer>.Diagnostic("MIG1050").WithLocation(0).WithArguments(
                "Users",
                "Email",
                "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock; add CHECK (\"Email\" IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a separate migration, then SET NOT NULL (which uses the check instead of scanning), and drop the check in a later statement (dropped in the same ALTER TABLE, the scan comes back)"));

        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: false), ""),
                ("FillUsers", Second, fill, ""),
                ("RequireEmail", Third, StaleRequireEmail, "")),
            "migration_analyzers.target_database = postgresql\n");
    }

    [Fact]
    public async Task EfCore_stale_oldType_that_the_history_contradicts_is_silent_and_a_real_widening_is_reported()
    {
        static string Create(string idType) => $$"""
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new { Id = table.Column<{{(idType == "bigint" ? "long" : "int")}}>(type: "{{idType}}", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
            """;
        const string widen = """
                        {|#0:migrationBuilder.AlterColumn<long>(name: "Id", table: "Orders", type: "bigint", nullable: false,
                            oldClrType: typeof(int), oldType: "integer")|};
            """;

        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            History(("CreateUsers", First, Create("bigint"), ""), ("RequireEmail", Third, widen, "")),
            "migration_analyzers.target_database = postgresql\n");

        await VerifyAsync<RiskyColumnTypeChangeAnalyzer>(
            History(("CreateUsers", First, Create("integer"), ""), ("RequireEmail", Third, widen, "")),
            "migration_analyzers.target_database = postgresql\n",
            Infrastructure.Verify<RiskyColumnTypeChangeAnalyzer>.Diagnostic("MIG1050").WithLocation(0).WithArguments(
                "Orders", "Id", "widening it from int to bigint rewrites the whole table while holding a lock"));
    }

    /// <summary>A history of <paramref name="count"/> migrations, long enough to be replayed from a checkpoint; <paramref name="up"/> gives each one's Up.</summary>
    private static IEnumerable<(string, string)> LongHistory(int count, System.Func<int, string> up)
        => Enumerable.Range(0, count).SelectMany(i => EfMigration($"Step{i}", $"20240301{i / 60:00}{i % 60:00}00_Step{i}", up(i)));

    [Fact]
    public async Task Facts_survive_the_checkpoints_of_a_long_history()
    {
        const int count = 70;
        await VerifyNotNull(LongHistory(count, i => i == 0 ? CreateUsers(emailNullable: false) : i == count - 1 ? StaleRequireEmail : string.Empty));
        await VerifyNotNull(
            LongHistory(count, i => i == 0 ? CreateUsers(emailNullable: true) : i == count - 1 ? StaleRequireEmail : string.Empty),
            EmailAltered());

        // Added by migration 64 (the first after a checkpoint), filled by 65: the split backfill.
        await VerifyAsync<DestructiveRawSqlAnalyzer>(
            LongHistory(66, i => i == 0 ? CreateUsers(emailNullable: true) : i == 64 ? AddSlug : i == 65 ? FillSlug : string.Empty),
            null);
    }

    // MIG1080: filling columns the previous migration added is the recommended split, not data loss.

    private const string AddSlug = """
                        migrationBuilder.AddColumn<string>(name: "Slug", table: "Users", type: "text", nullable: true);
            """;

    private const string FillSlug = """
                        {|#0:migrationBuilder.Sql("UPDATE \"Users\" SET \"Slug\" = lower(\"Email\");")|};
            """;

    [Fact]
    public async Task EfCore_UPDATE_without_WHERE_filling_columns_the_previous_migration_added_is_silent()
    {
        await VerifyAsync<DestructiveRawSqlAnalyzer>(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
                ("FillUsers", Second, AddSlug, ""),
                ("RequireEmail", Third, FillSlug, "")),
            null);
    }

    [Fact]
    public async Task EfCore_UPDATE_filling_columns_added_two_migrations_earlier_or_long_existing_is_reported()
    {
        await VerifyAsync<DestructiveRawSqlAnalyzer>(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true) + "\n" + AddSlug, ""),
                ("FillUsers", Second, string.Empty, ""),
                ("RequireEmail", Third, FillSlug, "")),
            null,
            RawSql.Diagnostic("MIG1080").WithLocation(0).WithArguments("overwrites every row of 'Users' (UPDATE without WHERE)"));

        await VerifyAsync<DestructiveRawSqlAnalyzer>(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true), ""),
                ("FillUsers", Second, AddSlug, ""),
                ("RequireEmail", Third, "            {|#0:migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"Email\\\" = 'x', \\\"Slug\\\" = 'y';\")|};", "")),
            null,
            RawSql.Diagnostic("MIG1080").WithLocation(0).WithArguments("overwrites every row of 'Users' (UPDATE without WHERE)"));
    }

    [Fact]
    public async Task FluentMigrator_UPDATE_filling_a_column_the_previous_migration_added_is_silent()
    {
        var add = FmMigration("AddSlug", 202403011000, """
                        Alter.Table("Users").AddColumn("Slug").AsString(200).Nullable();
            """);
        var fill = FmMigration("FillSlug", 202403101000, """
                        Execute.Sql("UPDATE Users SET Slug = lower(Email)");
            """);
        await VerifyAsync<DestructiveRawSqlAnalyzer>(new[] { add, fill }, null);
    }

    // MIG1010: a Designer model that predates the table says nothing about its deprecation.

    private const string UserModel = """
                        modelBuilder.Entity("Shop.Data.User", b =>
                            {
                                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("integer");
                                b.HasKey("Id");
                                b.ToTable("Users");
                            });
            """;

    private const string CreateImports = """
                        migrationBuilder.CreateTable(
                            name: "Imports",
                            columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Imports", x => x.Id));
            """;

    /// <summary>A hand-written EF Core migration without a Designer file (its attributes on the class itself).</summary>
    private static (string, string) WithoutDesigner(string className, string id, string up) => ($"/0/Migrations/{id}.cs", $$"""
            using System;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Shop.Data;

            namespace Shop.Data.Migrations
            {
                [DbContext(typeof(AppDbContext))]
                [Migration("{{id}}")]
                public partial class {{className}} : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
            {{up}}
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                    }
                }
            }
            """);

    [Fact]
    public async Task EfCore_table_created_after_the_last_Designer_model_and_dropped_later_is_reported()
    {
        var sources = EfMigration("CreateUsers", First, CreateUsers(emailNullable: true), string.Empty, UserModel)
            .Append(WithoutDesigner("FillUsers", Second, CreateImports))
            .Append(WithoutDesigner("RequireEmail", "20240420090000_DropImports", "            {|#0:migrationBuilder.DropTable(name: \"Imports\")|};"));
        await VerifyAsync<DropWithoutDeprecationAnalyzer>(
            sources,
            null,
            Deprecation.Diagnostic("MIG1010").WithLocation(0).WithArguments("Imports", "no target model (Designer file) since it was created shows it is no longer mapped"));
    }

    [Fact]
    public async Task EfCore_column_added_after_the_last_Designer_model_and_dropped_later_is_reported()
    {
        var sources = EfMigration("CreateUsers", First, CreateUsers(emailNullable: true), string.Empty, UserModel)
            .Append(WithoutDesigner("FillUsers", Second, AddSlug))
            .Append(WithoutDesigner("RequireEmail", "20240420090000_DropSlug", "            {|#0:migrationBuilder.DropColumn(name: \"Slug\", table: \"Users\")|};"));
        await VerifyAsync<DropWithoutDeprecationAnalyzer>(
            sources,
            null,
            Deprecation.Diagnostic("MIG1010").WithLocation(0).WithArguments("Users.Slug", "no target model (Designer file) since it was created shows it is no longer mapped"));
    }

    [Fact]
    public async Task EfCore_table_unmapped_by_a_model_after_its_creation_is_deprecated()
    {
        var importModel = """
                        modelBuilder.Entity("Shop.Data.Import", b =>
                            {
                                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("integer");
                                b.HasKey("Id");
                                b.ToTable("Imports");
                            });
            """;
        await VerifyAsync<DropWithoutDeprecationAnalyzer>(
            History(
                ("CreateUsers", First, CreateUsers(emailNullable: true) + "\n" + CreateImports, UserModel + importModel),
                ("FillUsers", Second, string.Empty, UserModel),
                ("RequireEmail", "20240420090000_DropImports", "            migrationBuilder.DropTable(name: \"Imports\");", UserModel)),
            null);
    }
}
