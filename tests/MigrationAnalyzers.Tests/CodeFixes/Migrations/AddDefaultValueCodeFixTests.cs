using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

public class AddDefaultValueCodeFixTests
{
    private const string Id = "20240401100000_AddUserAge";

    private static async Task VerifyEf(string up, string fixedUp, int? iterations = null)
    {
        var test = new CodeFixTest<NotNullColumnWithoutDefaultAnalyzer, AddDefaultValueCodeFix>();
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in EfMigration("AddUserAge", Id, up))
        {
            test.TestState.Sources.Add(source);
        }

        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in EfMigration("AddUserAge", Id, fixedUp))
        {
            test.FixedState.Sources.Add(source);
        }

        if (iterations == 0)
        {
            test.NumberOfIncrementalIterations = 0;
            test.NumberOfFixAllIterations = 0;
        }
        await test.RunAsync();
    }

    private static async Task VerifyFluent(string up, string fixedUp)
    {
        var test = new CodeFixTest<NotNullColumnWithoutDefaultAnalyzer, AddDefaultValueCodeFix>();
        test.TestState.Sources.Add(FmMigration("AddUserAge", 202404011000, up));
        test.FixedState.Sources.Add(FmMigration("AddUserAge", 202404011000, fixedUp));
        await test.RunAsync();
    }

    [Fact]
    public async Task EfCore_int_column_gets_zero()
    {
        await VerifyEf(
            """
                        {|MIG1030:migrationBuilder.AddColumn<int>(
                            name: "Age",
                            table: "Users",
                            type: "INTEGER",
                            nullable: false)|};
            """,
            """
                        migrationBuilder.AddColumn<int>(
                            name: "Age",
                            table: "Users",
                            type: "INTEGER",
                            nullable: false, defaultValue: 0);
            """);
    }

    [Fact]
    public async Task EfCore_defaults_match_the_clr_type()
    {
        await VerifyEf(
            """
                        {|MIG1030:migrationBuilder.AddColumn<string>("Email", "Users", maxLength: 256)|};
                        {|MIG1030:migrationBuilder.AddColumn<long>(name: "Points", table: "Users", nullable: false)|};
                        {|MIG1030:migrationBuilder.AddColumn<bool>(name: "IsActive", table: "Users", nullable: false, defaultValue: null)|};
                        {|MIG1030:migrationBuilder.AddColumn<DateTime>(name: "CreatedAt", table: "Users", nullable: false)
                            .Annotation("Relational:Comment", "UTC")|};
                        {|MIG1030:migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Users", nullable: false)|};
            """,
            """
                        migrationBuilder.AddColumn<string>("Email", "Users", maxLength: 256, defaultValue: "");
                        migrationBuilder.AddColumn<long>(name: "Points", table: "Users", nullable: false, defaultValue: 0L);
                        migrationBuilder.AddColumn<bool>(name: "IsActive", table: "Users", nullable: false, defaultValue: false);
                        migrationBuilder.AddColumn<DateTime>(name: "CreatedAt", table: "Users", nullable: false, defaultValue: DateTime.MinValue)
                            .Annotation("Relational:Comment", "UTC");
                        migrationBuilder.AddColumn<Guid>(name: "PublicId", table: "Users", nullable: false, defaultValue: Guid.Empty);
            """);
    }

    [Fact]
    public async Task EfCore_column_of_unknown_type_gets_no_fix()
    {
        await VerifyEf(
            """
                        {|MIG1030:migrationBuilder.AddColumn<byte[]>(name: "Avatar", table: "Users", nullable: false)|};
            """,
            """
                        {|MIG1030:migrationBuilder.AddColumn<byte[]>(name: "Avatar", table: "Users", nullable: false)|};
            """,
            iterations: 0);
    }

    [Fact]
    public async Task EfCore_AlterColumn_to_not_null_gets_no_default_fix()
    {
        var up = """
                        {|MIG1030:migrationBuilder.AlterColumn<int>(name: "Age", table: "Users", nullable: false, oldClrType: typeof(int), oldNullable: true)|};
            """;
        await VerifyEf(up, up, iterations: 0);
    }

    [Fact]
    public async Task FluentMigrator_each_column_of_a_chain_gets_its_own_default()
    {
        await VerifyFluent(
            """
                        {|MIG1030:{|MIG1030:Alter.Table("Users")
                            .AddColumn("Age").AsInt32().NotNullable()
                            .AddColumn("Email").AsString(200)|}|};
                        {|MIG1030:Create.Column("IsActive").OnTable("Users").AsBoolean().NotNullable()|};
            """,
            """
                        Alter.Table("Users")
                            .AddColumn("Age").AsInt32().NotNullable().WithDefaultValue(0)
                            .AddColumn("Email").AsString(200).WithDefaultValue("");
                        Create.Column("IsActive").OnTable("Users").AsBoolean().NotNullable().WithDefaultValue(false);
            """);
    }

    [Fact]
    public async Task FluentMigrator_date_column_gets_DateTime_MinValue()
    {
        await VerifyFluent(
            """
                        {|MIG1030:Alter.Table("Users").AddColumn("BornOn").AsDate()|};
            """,
            """
                        Alter.Table("Users").AddColumn("BornOn").AsDate().WithDefaultValue(DateTime.MinValue);
            """);
    }
}
