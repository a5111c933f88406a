using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.SchemaAndDataInOneMigrationAnalyzer>;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

/// <summary>
/// A new column after the data change: the split moves the data past it only when the data change cannot notice the
/// column (another table, nullable or with a default); in Down, the data change moves before the column's drop.
/// </summary>
public class SplitSchemaAndDataPastNewColumnTests
{
    private const string Path = "/0/Migrations/M202403010900_SeedWarehouses.cs";

    private static string Migration(string up, string down) => $$"""
        using FluentMigrator;

        namespace Shop.Migrations;

        [Migration(202403010900)]
        public sealed class SeedWarehouses : Migration
        {
            public override void Up()
            {
        {{up}}
            }

            public override void Down()
            {
        {{down}}
            }
        }
        """;

    [Fact]
    public async Task Seed_rows_move_past_a_nullable_column_of_another_table_and_their_delete_before_its_drop()
    {
        var test = new CodeFixTest<SchemaAndDataInOneMigrationAnalyzer, SplitSchemaAndDataCodeFix> { CodeActionEquivalenceKey = SplitSchemaAndDataCodeFix.SameFileKey };
        test.TestState.Sources.Add((Path, Migration(
            """
                    Insert.IntoTable("Warehouses").Row(new { Id = 1, Name = "North" });
                    Alter.Table("Coupons").AddColumn("Notes").AsInt32().Nullable();
            """,
            """
                    Delete.Column("Notes").FromTable("Coupons");
                    Delete.FromTable("Warehouses").Row(new { Id = 1 });
            """)));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan(Path, 10, 9, 10, 75)
            .WithArguments("SeedWarehouses", "Alter.Table on 'Coupons' and Insert.IntoTable on 'Warehouses'", ""));
        test.FixedState.Sources.Add((Path, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public sealed class SeedWarehouses : Migration
            {
                public override void Up()
                {
                    Alter.Table("Coupons").AddColumn("Notes").AsInt32().Nullable();
                }

                public override void Down()
                {
                    Delete.Column("Notes").FromTable("Coupons");
                }
            }

            [Migration(202403010901)]
            public sealed class SeedWarehousesData : Migration
            {
                public override void Up()
                {
                    Insert.IntoTable("Warehouses").Row(new { Id = 1, Name = "North" });
                }

                public override void Down()
                {
                    Delete.FromTable("Warehouses").Row(new { Id = 1 });
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Seed_rows_move_past_the_drop_of_a_column_of_another_table_and_their_delete_before_its_return()
    {
        var test = new CodeFixTest<SchemaAndDataInOneMigrationAnalyzer, SplitSchemaAndDataCodeFix> { CodeActionEquivalenceKey = SplitSchemaAndDataCodeFix.SameFileKey };
        test.TestState.Sources.Add((Path, Migration(
            """
                    Insert.IntoTable("Warehouses").Row(new { Id = 1, Name = "North" });
                    Delete.Column("Legacy").FromTable("Coupons");
            """,
            """
                    Create.Column("Legacy").OnTable("Coupons").AsInt32().Nullable();
                    Delete.FromTable("Warehouses").Row(new { Id = 1 });
            """)));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan(Path, 10, 9, 10, 75)
            .WithArguments("SeedWarehouses", "Delete.Column on 'Coupons' and Insert.IntoTable on 'Warehouses'", ""));
        test.FixedState.Sources.Add((Path, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(202403010900)]
            public sealed class SeedWarehouses : Migration
            {
                public override void Up()
                {
                    Delete.Column("Legacy").FromTable("Coupons");
                }

                public override void Down()
                {
                    Create.Column("Legacy").OnTable("Coupons").AsInt32().Nullable();
                }
            }

            [Migration(202403010901)]
            public sealed class SeedWarehousesData : Migration
            {
                public override void Up()
                {
                    Insert.IntoTable("Warehouses").Row(new { Id = 1, Name = "North" });
                }

                public override void Down()
                {
                    Delete.FromTable("Warehouses").Row(new { Id = 1 });
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Not_offered_when_the_column_Down_drops_first_has_a_foreign_key_a_delete_could_cascade_through()
    {
        // Up may move the insert past both (a key after inserts changes nothing); Down drops the column, and its key with
        // it, before deleting the rows: run first, the delete would cascade through the key.
        var source = Migration(
            """
                    Insert.IntoTable("Warehouses").Row(new { Id = 1, Name = "North" });
                    Alter.Table("Coupons").AddColumn("WarehouseId").AsInt32().Nullable();
                    Create.ForeignKey("FK_Coupons_Warehouses").FromTable("Coupons").ForeignColumn("WarehouseId").ToTable("Warehouses").PrimaryColumn("Id");
            """,
            """
                    Delete.Column("WarehouseId").FromTable("Coupons");
                    Delete.FromTable("Warehouses").Row(new { Id = 1 });
            """);
        var test = new CodeFixTest<SchemaAndDataInOneMigrationAnalyzer, SplitSchemaAndDataCodeFix> { CodeActionEquivalenceKey = SplitSchemaAndDataCodeFix.SameFileKey };
        test.TestState.Sources.Add((Path, source));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan(Path, 10, 9, 10, 75)
            .WithArguments("SeedWarehouses", "Alter.Table on 'Coupons' and Insert.IntoTable on 'Warehouses'", "; no fix is offered: in Down, the data changes would have to run before Delete.Column on 'Coupons', which could change what they do"));
        test.FixedState.Sources.Add((Path, source));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync();
    }

    [Theory]
    [InlineData("""
                    Insert.IntoTable("Coupons").Row(new { Id = 1, Code = "SPRING" });
                    Alter.Table("Coupons").AddColumn("Notes").AsInt32().Nullable().WithDefaultValue(0);
            """, "Alter.Table on 'Coupons' and Insert.IntoTable on 'Coupons'", "the data changes would have to move past Alter.Table on 'Coupons', which could change what they do")]
    [InlineData("""
                    Insert.IntoTable("Warehouses").Row(new { Id = 1, Name = "North" });
                    Alter.Table("Coupons").AddColumn("Notes").AsInt32().NotNullable();
            """, "Alter.Table on 'Coupons' and Insert.IntoTable on 'Warehouses'", "the data changes would have to move past Alter.Table on 'Coupons', which could change what they do")]
    [InlineData("""
                    Execute.Sql("INSERT INTO Warehouses (Id, Name) VALUES (1, 'North')");
                    Alter.Table("Coupons").AddColumn("Notes").AsInt32().Nullable();
            """, "Alter.Table on 'Coupons' and Execute.Sql", "the data changes would have to move past Alter.Table on 'Coupons', which could change what they do (raw SQL may read or write any table)")]
    [InlineData("""
                    Delete.FromTable("Warehouses").Row(new { Id = 1 });
                    Delete.Column("WarehouseId").FromTable("Coupons");
            """, "Delete.Column on 'Coupons' and Delete.FromTable on 'Warehouses'", "the data changes would have to move past Delete.Column on 'Coupons', which could change what they do")]
    public async Task Not_offered_when_the_data_change_could_notice_the_new_column(string up, string what, string why)
    {
        // The same table (a nullable column's default is not written into rows inserted before it), a NOT NULL column
        // without a default (it fails or not depending on the rows), raw SQL (it may write any table), a dropped column
        // after a delete (the delete could have cascaded through the column's key).
        var source = Migration(up, string.Empty);
        var test = new CodeFixTest<SchemaAndDataInOneMigrationAnalyzer, SplitSchemaAndDataCodeFix> { CodeActionEquivalenceKey = SplitSchemaAndDataCodeFix.SameFileKey };
        test.TestState.Sources.Add((Path, source));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1020").WithSpan(Path, 10, 9, 10, up.Split('\n')[0].TrimEnd().Length)
            .WithArguments("SeedWarehouses", what, "; no fix is offered: " + why));
        test.FixedState.Sources.Add((Path, source));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync();
    }
}
