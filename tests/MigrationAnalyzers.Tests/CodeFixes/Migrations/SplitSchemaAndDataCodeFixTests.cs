using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.SchemaAndDataInOneMigrationAnalyzer>;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

public class SplitSchemaAndDataCodeFixTests
{
    private const string Id = "20240301090000_AddOrderStatus";
    private const string NewPath = "/0/Migrations/20240301090001_AddOrderStatusData.cs";

    private const string Original = """
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
                    migrationBuilder.AddColumn<int>(
                        name: "Status",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: true);

                    // Orders placed before statuses existed are open.
                    migrationBuilder.Sql("UPDATE Orders SET Status = 0 WHERE Status IS NULL");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Status",
                        table: "Orders");
                }
            }
        }
        """;

    private const string SchemaPart = """
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
                    migrationBuilder.AddColumn<int>(
                        name: "Status",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: true);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Status",
                        table: "Orders");
                }
            }
        }
        """;

    private const string DataClass = """
            /// <inheritdoc />
            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090001_AddOrderStatusData")]
            public class AddOrderStatusData : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Orders placed before statuses existed are open.
                    migrationBuilder.Sql("UPDATE Orders SET Status = 0 WHERE Status IS NULL");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }

                // The schema is the same as after AddOrderStatus: its model maps the tables this migration's data operations use.
                public override IModel TargetModel => new AddOrderStatus().TargetModel;
            }
        """;

    private const string SameFile = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Metadata;
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
                    migrationBuilder.AddColumn<int>(
                        name: "Status",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: true);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Status",
                        table: "Orders");
                }
            }
        """ + "\n\n" + DataClass + "\n}";

    private const string NewFile = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Metadata;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
        """ + "\n" + DataClass + "\n}";

    private static CodeFixTest<SchemaAndDataInOneMigrationAnalyzer, SplitSchemaAndDataCodeFix> Test(string equivalenceKey)
    {
        var test = new CodeFixTest<SchemaAndDataInOneMigrationAnalyzer, SplitSchemaAndDataCodeFix> { CodeActionEquivalenceKey = equivalenceKey };
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("AddOrderStatus", Id)));
        test.TestState.Sources.Add((Sources.MigrationPath(Id), Original));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan(Sources.MigrationPath(Id), 20, 13, 20, 86)
            .WithArguments("AddOrderStatus", "AddColumn on 'Orders' and Sql", ""));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("AddOrderStatus", Id)));
        return test;
    }

    [Fact]
    public async Task EfCore_split_into_a_new_file_beside_the_original()
    {
        var test = Test(SplitSchemaAndDataCodeFix.NewFileKey);
        test.FixedState.Sources.Add((Sources.MigrationPath(Id), SchemaPart));
        test.FixedState.Sources.Add((NewPath, NewFile));

        // Fix All never adds files (dotnet format would not write them): it uses the same-file shape.
        test.BatchFixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.BatchFixedState.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("AddOrderStatus", Id)));
        test.BatchFixedState.Sources.Add((Sources.MigrationPath(Id), SameFile));
        await test.RunAsync();
    }

    [Fact]
    public async Task EfCore_split_into_the_same_file()
    {
        var test = Test(SplitSchemaAndDataCodeFix.SameFileKey);
        test.FixedState.Sources.Add((Sources.MigrationPath(Id), SameFile));
        await test.RunAsync();
    }
}
