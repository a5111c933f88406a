using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.ParallelBranchMigrationAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>
/// MIG1182: a migration written on one branch and a later-stamped one written on another, merged. The later one's
/// Designer lacks what the earlier one adds; the model after it (the next Designer, or the snapshot) has it again.
/// </summary>
public class ParallelBranchMigrationAnalyzerTests
{
    private const string CreateId = "20240301090000_CreateOrders";
    private const string CouponsId = "20240315090000_AddCoupons";
    private const string NumberId = "20240401090000_AddOrderNumber";
    private const string NoteId = "20240410090000_AddOrderNote";

    private const string Orders = """
                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<DateTime>("PlacedAt").HasColumnType("TEXT");
                            b.HasKey("Id");
                            b.ToTable("Orders");
                        });
        """;

    private const string OrdersWithNumber = """
                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<string>("Number").HasColumnType("TEXT");
                            b.Property<DateTime>("PlacedAt").HasColumnType("TEXT");
                            b.HasKey("Id");
                            b.ToTable("Orders");
                        });
        """;

    private const string OrdersWithNumberAndNote = """
                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<string>("Note").HasColumnType("TEXT");
                            b.Property<string>("Number").HasColumnType("TEXT");
                            b.Property<DateTime>("PlacedAt").HasColumnType("TEXT");
                            b.HasKey("Id");
                            b.ToTable("Orders");
                        });
        """;

    private const string Coupons = """
                    modelBuilder.Entity("Shop.Coupon", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<string>("Code").HasColumnType("TEXT");
                            b.HasKey("Id");
                            b.ToTable("Coupons");
                        });
        """;

    private const string CreateOrders = """
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                            PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
        """;

    private const string CreateCoupons = """
                    migrationBuilder.CreateTable(
                        name: "Coupons",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                            Code = table.Column<string>(type: "TEXT", nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Coupons", x => x.Id));
        """;

    private const string AddNumber = """
                    migrationBuilder.AddColumn<string>(name: "Number", table: "Orders", type: "TEXT", nullable: true);
        """;

    private const string AddNote = """
                    migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "TEXT", nullable: true);
        """;

    /// <summary>
    /// Branch "coupons" added AddCoupons on 15 March; branch "numbers", forked before it, added AddOrderNumber on 1 April.
    /// After the merge the snapshot holds both, as EF Core's documentation says to resolve the conflict.
    /// </summary>
    private static List<(string Path, string Text)> MergedHistory(bool withCoupons = true)
    {
        var files = new List<(string, string)> { (Sources.DbContextPath, Sources.DbContext) };
        files.AddRange(Migration(CreateId, "CreateOrders", Orders, CreateOrders));
        if (withCoupons)
        {
            files.AddRange(Migration(CouponsId, "AddCoupons", Orders + Coupons, CreateCoupons));
        }

        files.AddRange(Migration(NumberId, "AddOrderNumber", OrdersWithNumber, AddNumber));
        files.Add(Snapshot(withCoupons ? OrdersWithNumber + Coupons : OrdersWithNumber));
        return files;
    }

    private static IEnumerable<(string Path, string Text)> Migration(string id, string className, string model, string up)
    {
        yield return (Sources.DesignerPath(id), Sources.Designer(className, id, model));
        yield return (Sources.MigrationPath(id), EfMigrationSources.Migration(className, up));
    }

    private static (string Path, string Text) Snapshot(string model)
        => ("/0/Migrations/AppDbContextModelSnapshot.cs", $$"""
            // <auto-generated />
            using System;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Shop.Data;

            #nullable disable

            namespace Shop.Data.Migrations
            {
                [DbContext(typeof(AppDbContext))]
                partial class AppDbContextModelSnapshot : ModelSnapshot
                {
                    protected override void BuildModel(ModelBuilder modelBuilder)
                    {
            #pragma warning disable 612, 618
                        modelBuilder.HasAnnotation("ProductVersion", "8.0.34");
            {{model}}
            #pragma warning restore 612, 618
                    }
                }
            }
            """);

    private static AnalyzerTest Test(IEnumerable<(string Path, string Text)> files, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreSqlite };
        foreach (var (path, text) in files)
        {
            test.TestState.Sources.Add((path, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static DiagnosticResult Diagnostic(string earlier, string later, string missing)
        => new DiagnosticResult("MIG1182", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(earlier, later, missing);

    /// <summary>Marks the class name of <paramref name="className"/>'s hand-written file as location 0.</summary>
    private static List<(string Path, string Text)> Marked(List<(string Path, string Text)> files, string className)
        => files.Select(f => f.Path.EndsWith(".Designer.cs", System.StringComparison.Ordinal) ? f : (f.Path, f.Text.Replace("public partial class " + className + " ", "public partial class {|#0:" + className + "|} "))).ToList();

    [Fact]
    public async Task A_table_added_on_a_branch_the_later_migration_did_not_have_is_reported_on_the_earlier_migration()
    {
        await Test(
            Marked(MergedHistory(), "AddCoupons"),
            Diagnostic(CouponsId, NumberId, "table 'Coupons'")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_column_missing_from_two_migrations_of_the_other_branch_is_one_finding()
    {
        // Branch "numbers" added Orders.Number on 15 March; branch "coupons", forked before it, added AddCoupons on
        // 1 April and AddOrderNote on 10 April; the migration after the merge has everything.
        var files = new List<(string Path, string Text)> { (Sources.DbContextPath, Sources.DbContext) };
        files.AddRange(Migration(CreateId, "CreateOrders", Orders, CreateOrders));
        files.AddRange(Migration("20240315090000_AddOrderNumber", "AddOrderNumber", OrdersWithNumber, AddNumber));
        files.AddRange(Migration("20240401090000_AddCoupons", "AddCoupons", Orders + Coupons, CreateCoupons));
        files.AddRange(Migration(NoteId, "AddOrderNote", Orders.Replace("""b.Property<DateTime>("PlacedAt")""", """b.Property<string>("Note").HasColumnType("TEXT"); b.Property<DateTime>("PlacedAt")""") + Coupons, AddNote));
        files.AddRange(Migration("20240420090000_AddCouponCodeIndex", "AddCouponCodeIndex", OrdersWithNumberAndNote + Coupons, "            migrationBuilder.CreateIndex(name: \"IX_Coupons_Code\", table: \"Coupons\", column: \"Code\");"));
        files.Add(Snapshot(OrdersWithNumberAndNote + Coupons));
        await Test(
            Marked(files, "AddOrderNumber"),
            Diagnostic("20240315090000_AddOrderNumber", "20240401090000_AddCoupons", "column 'Orders.Number'")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_history_written_on_one_branch_is_silent()
    {
        var files = new List<(string Path, string Text)> { (Sources.DbContextPath, Sources.DbContext) };
        files.AddRange(Migration(CreateId, "CreateOrders", Orders, CreateOrders));
        files.AddRange(Migration(CouponsId, "AddCoupons", Orders + Coupons, CreateCoupons));
        files.AddRange(Migration(NumberId, "AddOrderNumber", OrdersWithNumber + Coupons, AddNumber));
        files.Add(Snapshot(OrdersWithNumber + Coupons));
        await Test(files).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_table_dropped_and_created_again_is_not_a_branch()
    {
        // AddOrderNumber drops Coupons (its model lacks it); AddOrderNote creates it again: the gap is real.
        var files = new List<(string Path, string Text)> { (Sources.DbContextPath, Sources.DbContext) };
        files.AddRange(Migration(CreateId, "CreateOrders", Orders, CreateOrders));
        files.AddRange(Migration(CouponsId, "AddCoupons", Orders + Coupons, CreateCoupons));
        files.AddRange(Migration(NumberId, "AddOrderNumber", OrdersWithNumber, AddNumber + "            migrationBuilder.DropTable(name: \"Coupons\");\n"));
        files.AddRange(Migration(NoteId, "AddOrderNote", OrdersWithNumberAndNote + Coupons, AddNote + CreateCoupons));
        files.Add(Snapshot(OrdersWithNumberAndNote + Coupons));
        await Test(files).RunAsync(CancellationToken.None);

        // Dropped for good: the model never has it again.
        var dropped = MergedHistory();
        dropped[dropped.Count - 1] = Snapshot(OrdersWithNumber);
        await Test(dropped).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SQL_in_a_migration_of_the_gap_without_a_Designer_model_is_silent()
    {
        // MIG1020's split moves AddOrderNumber's SQL into a migration of its own with no Designer: the SQL still runs
        // in the gap, so the gap may be real, as it would be with the SQL left in AddOrderNumber.
        var files = MergedHistory();
        files.Insert(files.Count - 1, ("/0/Migrations/20240401090001_AddOrderNumberData.cs", """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Shop.Data;

            namespace Shop.Data.Migrations
            {
                [DbContext(typeof(AppDbContext))]
                [Migration("20240401090001_AddOrderNumberData")]
                public class AddOrderNumberData : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql("INSERT INTO Coupons (Code) SELECT 'N' || Number FROM Orders");
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                    }
                }
            }
            """));
        await Test(files).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Clashing_ids_or_FluentMigrator_are_silent()
    {
        // AddOrderNumber was given AddCoupons' ID by hand: the order is unknown (MIG1100 reports the clash).
        var clash = new List<(string Path, string Text)> { (Sources.DbContextPath, Sources.DbContext) };
        clash.AddRange(Migration(CreateId, "CreateOrders", Orders, CreateOrders));
        clash.AddRange(Migration(CouponsId, "AddCoupons", Orders + Coupons, CreateCoupons));
        clash.Add(("/0/Migrations/Number.Designer.cs", Sources.Designer("AddOrderNumber", CouponsId, OrdersWithNumber)));
        clash.Add(("/0/Migrations/Number.cs", EfMigrationSources.Migration("AddOrderNumber", AddNumber)));
        clash.Add(Snapshot(OrdersWithNumber + Coupons));
        await Test(clash).RunAsync(CancellationToken.None);

        var fluent = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        fluent.TestState.Sources.Add(("/0/Migrations/M0110.cs", """
            using FluentMigrator;

            [Migration(110)]
            public class AddCoupons : Migration
            {
                public override void Up() => Create.Table("Coupons").WithColumn("Id").AsInt32().PrimaryKey();

                public override void Down() => Delete.Table("Coupons");
            }
            """));
        await fluent.RunAsync(CancellationToken.None);
    }

    [Fact]
    public void EF_Core_applies_the_earlier_migration_after_the_later_one_on_a_database_that_already_ran_the_later_one()
    {
        // Proof on SQLite with EF Core's migrator: the database of the "numbers" branch, then the merged history.
        using var database = new SqliteTestDatabase();
        var beforeMerge = InMemoryCompiler.Compile(MergedHistory(withCoupons: false).Select(f => f.Text), "ShopBeforeMerge");
        using (var runner = new EfMigrationRunner(beforeMerge, database))
        {
            runner.MigrateTo(NumberId);
        }

        var merged = InMemoryCompiler.Compile(MergedHistory().Select(f => f.Text), "ShopMerged");
        using (var runner = new EfMigrationRunner(merged, database))
        {
            runner.MigrateTo(NumberId);
        }

        Assert.Equal(new[] { CreateId, NumberId, CouponsId }, AppliedInOrder(database));

        // A new database runs them in ID order.
        using var fresh = new SqliteTestDatabase();
        using (var runner = new EfMigrationRunner(merged, fresh))
        {
            runner.MigrateTo(NumberId);
        }

        Assert.Equal(new[] { CreateId, CouponsId, NumberId }, AppliedInOrder(fresh));
    }

    private static List<string> AppliedInOrder(SqliteTestDatabase database)
        => database.File.Query("SELECT MigrationId FROM __EFMigrationsHistory ORDER BY rowid").Select(row => (string)row[0]!).ToList();
}
