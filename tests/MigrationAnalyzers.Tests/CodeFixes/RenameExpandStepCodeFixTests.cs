using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.OneStepRenameAnalyzer>;

namespace MigrationAnalyzers.Tests.CodeFixes;

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
        [Migration("20240301090001_RenameTotalToAmountCopy")]
        public class RenameTotalToAmountCopy : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // Copies Total into Amount. Keep Total until the application reads and writes Amount only, then drop it in a later migration.
                migrationBuilder.Sql("UPDATE \"Orders\" SET \"Amount\" = \"Total\"");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    [Fact]
    public async Task EfCore_rename_becomes_add_with_the_type_from_history_and_a_copy_migration()
    {
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameExpandStepCodeFix> { CodeActionEquivalenceKey = RenameExpandStepCodeFix.SameFileKey };
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add(("/0/Migrations/20240101000000_CreateOrders.cs", CreateOrders));
        test.TestState.Sources.Add(("/0/Migrations/20240301090000_RenameTotalToAmount.cs", Rename));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan("/0/Migrations/20240301090000_RenameTotalToAmount.cs", 13, 9, 16, 31)
            .WithArguments("column", "Orders.Total", "Amount"));
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add(("/0/Migrations/20240101000000_CreateOrders.cs", CreateOrders));
        test.FixedState.Sources.Add(("/0/Migrations/20240301090000_RenameTotalToAmount.cs", Expanded));
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_rename_becomes_add_and_copy_in_a_new_file()
    {
        const string create = """
            using FluentMigrator;

            [Migration(1)]
            public class CreateOrders : Migration
            {
                public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Total").AsDecimal(18, 2).NotNullable();

                public override void Down() => Delete.Table("Orders");
            }
            """;
        var test = new CodeFixTest<OneStepRenameAnalyzer, RenameExpandStepCodeFix> { CodeActionEquivalenceKey = RenameExpandStepCodeFix.NewFileKey };
        test.TestState.Sources.Add(("/0/Migrations/0001_CreateOrders.cs", create));
        test.TestState.Sources.Add(("/0/Migrations/0002_RenameTotal.cs", """
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
            """));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1040").WithSpan("/0/Migrations/0002_RenameTotal.cs", 8, 9, 8, 62)
            .WithArguments("column", "Orders.Total", "Amount"));
        test.FixedState.Sources.Add(("/0/Migrations/0001_CreateOrders.cs", create));
        test.FixedState.Sources.Add(("/0/Migrations/0002_RenameTotal.cs", """
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
            """));
        test.FixedState.Sources.Add(("/0/Migrations/0003_RenameTotalCopy.cs", """
            using FluentMigrator;

            [Migration(3)]
            public class RenameTotalCopy : Migration
            {
                public override void Up()
                {
                    // Copies Total into Amount. Keep Total until the application reads and writes Amount only, then drop it in a later migration.
                    Execute.Sql("UPDATE \"Orders\" SET \"Amount\" = \"Total\"");
                }

                public override void Down()
                {
                }
            }
            """));
        test.BatchFixedState.Sources.Add(("/0/Migrations/0001_CreateOrders.cs", create));
        test.BatchFixedState.Sources.Add(("/0/Migrations/0002_RenameTotal.cs", """
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

            [Migration(3)]
            public class RenameTotalCopy : Migration
            {
                public override void Up()
                {
                    // Copies Total into Amount. Keep Total until the application reads and writes Amount only, then drop it in a later migration.
                    Execute.Sql("UPDATE \"Orders\" SET \"Amount\" = \"Total\"");
                }

                public override void Down()
                {
                }
            }
            """));
        await test.RunAsync();
    }
}
