using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.Migrations;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.DropWithoutDeprecationAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class DropWithoutDeprecationAnalyzerTests
{
    private const string AddLegacy = "20240301090000_AddLegacyName";
    private const string StopMapping = "20240310090000_StopMappingLegacyName";
    private const string Unrelated = "20240318090000_AddUserAge";
    private const string Drop = "20240320090000_DropLegacyName";

    private const string CreateUsers = """
                        migrationBuilder.CreateTable(
                            name: "Users",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                                Email = table.Column<string>(type: "TEXT", nullable: false),
                                legacy_name = table.Column<string>(type: "TEXT", nullable: true)
                            },
                            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
            """;

    private const string DropColumn = """
                        {|#0:migrationBuilder.DropColumn(
                            name: "legacy_name",
                            table: "Users")|};
            """;

    private const string RestoreColumn = """
                        migrationBuilder.AddColumn<string>(name: "legacy_name", table: "Users", type: "TEXT", nullable: true);
            """;

    /// <summary>The Designer model of a User entity; <paramref name="extra"/> adds property lines.</summary>
    private static string UserModel(string extra = "") => $$"""
                        modelBuilder.Entity("Shop.Data.User", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("INTEGER");

                                b.Property<string>("Email")
                                    .IsRequired()
                                    .HasColumnType("TEXT");
            {{extra}}
                                b.HasKey("Id");

                                b.ToTable("Users");
                            });
            """;

    private const string LegacyProperty = """
                                b.Property<string>("LegacyName")
                                    .HasColumnType("TEXT")
                                    .HasColumnName("legacy_name");

            """;

    private static IEnumerable<(string, string)> History(params (string ClassName, string Id, string Up, string Down, string Model)[] migrations)
        => migrations.SelectMany(m => EfMigration(m.ClassName, m.Id, m.Up, m.Down, m.Model));

    private static Task VerifyEf(IEnumerable<(string, string)> sources, string? editorConfig, params DiagnosticResult[] expected)
        => VerifyAsync<DropWithoutDeprecationAnalyzer>(sources, editorConfig, expected);

    private static DiagnosticResult Expected(string what, string reason)
        => Verifier.Diagnostic("MIG1010").WithLocation(0).WithArguments(what, reason);

    [Fact]
    public async Task EfCore_drop_of_a_column_the_previous_model_still_maps_is_reported()
    {
        await VerifyEf(
            History(
                ("AddLegacyName", AddLegacy, CreateUsers, "            migrationBuilder.DropTable(name: \"Users\");", UserModel(LegacyProperty)),
                ("DropLegacyName", Drop, DropColumn, RestoreColumn, UserModel())),
            null,
            Expected("Users.legacy_name", "it is still mapped by the model of the previous migration '20240301090000_AddLegacyName'"));
    }

    [Fact]
    public async Task EfCore_drop_too_soon_after_the_model_stopped_mapping_reports_the_days()
    {
        const string recent = "20240317090000_StopMappingLegacyName";
        await VerifyEf(
            History(
                ("AddLegacyName", AddLegacy, CreateUsers, "            migrationBuilder.DropTable(name: \"Users\");", UserModel(LegacyProperty)),
                ("StopMappingLegacyName", recent, "", "", UserModel()),
                ("DropLegacyName", Drop, DropColumn, RestoreColumn, UserModel())),
            null,
            Expected("Users.legacy_name", "it was deprecated 3 days before this drop (by '20240317090000_StopMappingLegacyName'); the period is 14 days"));
    }

    [Fact]
    public async Task EfCore_drop_after_the_period_is_silent_and_the_period_counts_from_the_first_unmapped_model()
    {
        // Stopped mapping on 2024-03-10, a later unrelated migration on 03-18: the period runs from 03-10.
        await VerifyEf(
            History(
                ("AddLegacyName", AddLegacy, CreateUsers, "            migrationBuilder.DropTable(name: \"Users\");", UserModel(LegacyProperty)),
                ("StopMappingLegacyName", StopMapping, "", "", UserModel()),
                ("AddUserAge", Unrelated, "", "", UserModel()),
                ("DropLegacyName", Drop, DropColumn.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), RestoreColumn, UserModel())),
            "migration_analyzers.MIG1010.deprecation_period_days = 10\n");
    }

    [Fact]
    public async Task EfCore_configured_period_is_used_in_the_message()
    {
        await VerifyEf(
            History(
                ("AddLegacyName", AddLegacy, CreateUsers, "            migrationBuilder.DropTable(name: \"Users\");", UserModel(LegacyProperty)),
                ("StopMappingLegacyName", StopMapping, "", "", UserModel()),
                ("DropLegacyName", Drop, DropColumn, RestoreColumn, UserModel())),
            "migration_analyzers.MIG1010.deprecation_period_days = 30\n",
            Expected("Users.legacy_name", "it was deprecated 10 days before this drop (by '20240310090000_StopMappingLegacyName'); the period is 30 days"));
    }

    [Fact]
    public async Task EfCore_invalid_period_falls_back_to_the_default_and_is_reported_by_MIG9001()
    {
        var sources = History(
            ("AddLegacyName", AddLegacy, CreateUsers, "", UserModel(LegacyProperty)),
            ("StopMappingLegacyName", StopMapping, "", "", UserModel()),
            ("DropLegacyName", Drop, DropColumn, RestoreColumn, UserModel()));
        await VerifyEf(
            sources,
            "migration_analyzers.MIG1010.deprecation_period_days = two weeks\n",
            Expected("Users.legacy_name", "it was deprecated 10 days before this drop (by '20240310090000_StopMappingLegacyName'); the period is 14 days"));

        var settings = new Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Configuration.InvalidSettingAnalyzer>()
            .WithEditorConfig("migration_analyzers.MIG1010.deprecation_period_days = two weeks\n");
        settings.TestState.Sources.Add(("/0/Test0.cs", "class C { }"));
        settings.ExpectedDiagnostics.Add(Infrastructure.Verify<MigrationAnalyzers.Rules.Configuration.InvalidSettingAnalyzer>.Diagnostic("MIG9001")
            .WithArguments("migration_analyzers.mig1010.deprecation_period_days", "two weeks", "expected a whole number of zero or more"));
        await settings.RunAsync();
    }

    [Fact]
    public async Task EfCore_column_mapped_again_after_a_gap_restarts_the_period()
    {
        await VerifyEf(
            History(
                ("AddLegacyName", AddLegacy, CreateUsers, "            migrationBuilder.DropTable(name: \"Users\");", UserModel()),
                ("StopMappingLegacyName", StopMapping, "", "", UserModel(LegacyProperty)),
                ("DropLegacyName", Drop, DropColumn, RestoreColumn, UserModel())),
            null,
            Expected("Users.legacy_name", "it is still mapped by the model of the previous migration '20240310090000_StopMappingLegacyName'"));
    }

    [Fact]
    public async Task EfCore_property_name_is_not_the_column_name()
    {
        // The model maps property LegacyName to column legacy_name; a column called "LegacyName" is not mapped at all.
        var drop = """
                        migrationBuilder.DropColumn(name: "LegacyName", table: "Users");
            """;
        await VerifyEf(
            History(
                ("AddLegacyName", AddLegacy, CreateUsers, "", UserModel(LegacyProperty)),
                ("DropLegacyName", Drop, drop, "", UserModel(LegacyProperty))),
            "migration_analyzers.MIG1010.deprecation_period_days = 0\n");
    }

    [Fact]
    public async Task EfCore_columns_of_derived_and_owned_types_count_as_mapped()
    {
        var model = UserModel("""
                                b.OwnsOne("Shop.Data.Address", "ShippingAddress", b1 =>
                                    {
                                        b1.Property<int>("UserId")
                                            .HasColumnType("INTEGER");

                                        b1.Property<string>("City")
                                            .HasColumnType("TEXT");

                                        b1.HasKey("UserId");

                                        b1.ToTable("Users");

                                        b1.WithOwner()
                                            .HasForeignKey("UserId");
                                    });

            """) + """

                        modelBuilder.Entity("Shop.Data.Admin", b =>
                            {
                                b.HasBaseType("Shop.Data.User");

                                b.Property<int>("Level")
                                    .HasColumnType("INTEGER");

                                b.HasDiscriminator().HasValue("Admin");
                            });
            """;
        var drop = """
                        {|#0:migrationBuilder.DropColumn(name: "ShippingAddress_City", table: "Users")|};
                        {|#1:migrationBuilder.DropColumn(name: "Level", table: "Users")|};
            """;
        await VerifyEf(
            History(
                ("AddLegacyName", AddLegacy, CreateUsers, "", model),
                ("DropLegacyName", Drop, drop, "", UserModel())),
            null,
            Expected("Users.ShippingAddress_City", "it is still mapped by the model of the previous migration '20240301090000_AddLegacyName'"),
            Verifier.Diagnostic("MIG1010").WithLocation(1).WithArguments("Users.Level", "it is still mapped by the model of the previous migration '20240301090000_AddLegacyName'"));
    }

    [Fact]
    public async Task EfCore_drop_table_follows_the_same_rules()
    {
        var auditModel = """

                        modelBuilder.Entity("Shop.Data.AuditEntry", b =>
                            {
                                b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                                b.HasKey("Id");
                                b.ToTable("AuditLog", "audit");
                            });
            """;
        var drop = """
                        {|#0:migrationBuilder.DropTable(
                            name: "AuditLog",
                            schema: "audit")|};
            """;
        await VerifyEf(
            History(
                ("AddLegacyName", AddLegacy, "", "", UserModel() + auditModel),
                ("DropLegacyName", Drop, drop, "", UserModel())),
            null,
            Expected("audit.AuditLog", "it is still mapped by the model of the previous migration '20240301090000_AddLegacyName'"));
    }

    [Fact]
    public async Task EfCore_drop_without_any_earlier_model_is_reported()
    {
        await VerifyEf(
            EfMigration("DropLegacyName", Drop, DropColumn, RestoreColumn, UserModel()),
            null,
            Expected("Users.legacy_name", "no earlier migration has a target model (Designer file) that shows it is no longer mapped"));
    }

    [Fact]
    public async Task EfCore_drop_of_a_table_created_in_the_same_migration_and_drops_in_Down_are_silent()
    {
        var up = """
                        migrationBuilder.CreateTable(
                            name: "Scratch",
                            columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) });
                        migrationBuilder.AddColumn<string>(name: "Tmp", table: "Users", nullable: true);
                        migrationBuilder.DropColumn(name: "Tmp", table: "Users");
                        migrationBuilder.DropTable(name: "Scratch");
            """;
        await VerifyEf(
            EfMigration("DropLegacyName", Drop, up, "            migrationBuilder.DropColumn(name: \"Email\", table: \"Users\");", UserModel()),
            null);
    }

    [Fact]
    public async Task SuppressMessage_with_a_justification_is_the_escape_hatch()
    {
        var sources = History(
            ("AddLegacyName", AddLegacy, CreateUsers, "", UserModel(LegacyProperty)),
            ("DropLegacyName", Drop, DropColumn.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), RestoreColumn, UserModel()))
            .Select(s => s.Item1 == Infrastructure.Sources.MigrationPath(Drop)
                ? (s.Item1, s.Item2.Replace(
                    "    public partial class DropLegacyName",
                    "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"MigrationSafety\", \"MIG1010\", Justification = \"legacy_name was never read by any release\")]\n    public partial class DropLegacyName"))
                : s);
        await VerifyEf(sources, null);
    }

    [Fact]
    public async Task Baseline_is_honoured()
    {
        await VerifyEf(
            EfMigration("DropLegacyName", Drop, DropColumn.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), RestoreColumn, UserModel()),
            "migration_analyzers.baseline = 20240320090000_DropLegacyName\n");
    }

    private const string DeprecatesAttribute = """
        namespace Shop.Migrations.Conventions
        {
            [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
            public sealed class DeprecatesAttribute : System.Attribute
            {
                public DeprecatesAttribute(string table, string column = null) { }

                public string Schema { get; set; }
            }
        }
        """;

    private static (string, string) Deprecating(string className, long version, params string[] attributes)
    {
        var source = FmMigration(className, version, "            Execute.Sql(\"SELECT 1\");", "            Execute.Sql(\"SELECT 1\");");
        return (source.Path, source.Text
            .Replace("using FluentMigrator;", "using FluentMigrator;\nusing Shop.Migrations.Conventions;")
            .Replace("    [Migration(", string.Concat(attributes.Select(a => "    " + a + "\n")) + "    [Migration("));
    }

    [Fact]
    public async Task FluentMigrator_drop_without_a_Deprecates_attribute_is_reported()
    {
        var drop = FmMigration("DropLegacyName", 202403200900, """
                        {|#0:Delete.Column("LegacyName").FromTable("Users")|};
                        {|#1:Delete.Table("AuditLog")|};
            """);
        await VerifyAsync<DropWithoutDeprecationAnalyzer>(
            new[] { ("/0/Conventions.cs", DeprecatesAttribute), drop },
            null,
            Expected("Users.LegacyName", "no earlier migration declares [Deprecates(\"Users\", \"LegacyName\")]"),
            Verifier.Diagnostic("MIG1010").WithLocation(1).WithArguments("AuditLog", "no earlier migration declares [Deprecates(\"AuditLog\")]"));
    }

    [Fact]
    public async Task FluentMigrator_Deprecates_on_an_earlier_migration_counts_when_old_enough()
    {
        var old = Deprecating("StopUsingLegacy", 202403010900, "[Deprecates(\"Users\", \"LegacyName\")]", "[Deprecates(\"AuditLog\")]");
        var recent = Deprecating("StopUsingNick", 202403180900, "[Deprecates(\"Users\", \"Nick\")]");
        var drop = FmMigration("DropLegacyName", 202403200900, """
                        Delete.Column("LegacyName").FromTable("Users");
                        Delete.Column("Message").FromTable("AuditLog");
                        {|#0:Delete.Column("Nick").FromTable("Users")|};
            """);
        await VerifyAsync<DropWithoutDeprecationAnalyzer>(
            new[] { ("/0/Conventions.cs", DeprecatesAttribute), old, recent, drop },
            null,
            Expected("Users.Nick", "it was deprecated 2 days before this drop (by '202403180900'); the period is 14 days"));
    }

    [Fact]
    public async Task FluentMigrator_attribute_on_the_dropping_migration_itself_does_not_count()
    {
        var drop = Deprecating("DropLegacyName", 202403200900, "[Deprecates(\"Users\", \"LegacyName\")]");
        drop.Item2 = drop.Item2.Replace("            Execute.Sql(\"SELECT 1\");\n        }\n\n        public override void Down()", "            {|#0:Delete.Column(\"LegacyName\").FromTable(\"Users\")|};\n        }\n\n        public override void Down()");
        await VerifyAsync<DropWithoutDeprecationAnalyzer>(
            new[] { ("/0/Conventions.cs", DeprecatesAttribute), drop },
            null,
            Expected("Users.LegacyName", "no earlier migration declares [Deprecates(\"Users\", \"LegacyName\")]"));
    }

    [Fact]
    public async Task FluentMigrator_sequential_versions_only_require_an_earlier_record()
    {
        var old = Deprecating("StopUsingLegacy", 41, "[Deprecates(\"Users\", \"LegacyName\")]");
        var drop = FmMigration("DropLegacyName", 42, """
                        Delete.Column("LegacyName").FromTable("Users");
            """);
        await VerifyAsync<DropWithoutDeprecationAnalyzer>(new[] { ("/0/Conventions.cs", DeprecatesAttribute), old, drop }, null);
    }
}
