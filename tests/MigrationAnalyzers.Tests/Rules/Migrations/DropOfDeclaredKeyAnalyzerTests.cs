using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;
using AnalyzerTest = MigrationAnalyzers.Tests.Infrastructure.AnalyzerTest<MigrationAnalyzers.Rules.Migrations.DropOfDeclaredKeyAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>MIG1171: an index, unique constraint or foreign key dropped while the migration's own model still declares it.</summary>
public class DropOfDeclaredKeyAnalyzerTests
{
    private const string Id = "20240801090000_TidyOrders";

    /// <summary>The model after the migration, as the Designer writes it: two entities, indexes by convention and by name, an FK, an alternate key.</summary>
    private const string Model = """
                    modelBuilder.HasAnnotation("Relational:MaxIdentifierLength", 63);

                    modelBuilder.Entity("Shop.Customer", b =>
                        {
                            b.Property<int>("Id").HasColumnType("integer");
                            b.HasKey("Id");
                            b.ToTable("Customers");
                        });

                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id").HasColumnType("integer");
                            b.Property<int>("CustomerId").HasColumnType("integer");
                            b.Property<string>("Number").HasColumnType("text").HasColumnName("order_number");
                            b.Property<int?>("CouponId").HasColumnType("integer");
                            b.Property<DateTime>("PlacedAt").HasColumnType("timestamp with time zone");
                            b.HasKey("Id");
                            b.HasAlternateKey("Number");
                            b.HasIndex("CustomerId");
                            b.HasIndex("CouponId").IsUnique();
                            b.HasIndex("PlacedAt").HasDatabaseName("ix_orders_placed");
                            b.ToTable("Orders");
                        });

                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.HasOne("Shop.Customer", null)
                                .WithMany()
                                .HasForeignKey("CustomerId")
                                .OnDelete(DeleteBehavior.Cascade)
                                .IsRequired();
                        });
        """;

    private static AnalyzerTest Test(string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.TestState.Sources.Add((Sources.DesignerPath(Id), Sources.Designer("TidyOrders", Id, Model)));
        test.TestState.Sources.Add((Sources.MigrationPath(Id), EfMigrationSources.Migration("TidyOrders", up)));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static DiagnosticResult Diagnostic(int location, string what, string name, string table)
        => new DiagnosticResult("MIG1171", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(what, name, table, Id);

    [Fact]
    public async Task Keys_the_model_still_declares_are_reported()
    {
        await Test(
            """
                        {|#0:migrationBuilder.DropForeignKey(name: "FK_Orders_Customers_CustomerId", table: "Orders")|};
                        {|#1:migrationBuilder.DropIndex(name: "IX_Orders_CustomerId", table: "Orders")|};
                        {|#2:migrationBuilder.DropIndex(name: "ix_orders_placed", table: "Orders")|};
                        {|#3:migrationBuilder.DropUniqueConstraint(name: "AK_Orders_order_number", table: "Orders")|};
            """,
            Diagnostic(0, "Foreign key", "FK_Orders_Customers_CustomerId", "Orders"),
            Diagnostic(1, "Index", "IX_Orders_CustomerId", "Orders"),
            Diagnostic(2, "Index", "ix_orders_placed", "Orders"),
            Diagnostic(3, "Unique constraint", "AK_Orders_order_number", "Orders")).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Drops_the_model_agrees_with_and_recreated_keys_are_silent()
    {
        await Test(
            """
                        migrationBuilder.DropIndex(name: "IX_Orders_PlacedAt", table: "Orders");
                        migrationBuilder.DropIndex(name: "IX_Orders_Number", table: "Orders");
                        migrationBuilder.DropIndex(name: "IX_Orders_CouponId", table: "Orders");
                        migrationBuilder.CreateIndex(name: "IX_Orders_CouponId", table: "Orders", column: "CouponId", unique: true);
                        migrationBuilder.DropIndex(name: "IX_Customers_Id", table: "Customers");
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_a_Designer_model_or_on_FluentMigrator_it_is_silent()
    {
        var test = new AnalyzerTest { ReferenceAssemblies = TestReferences.FluentMigrator };
        test.TestState.Sources.Add(("/0/Migrations/M0110.cs", """
            using FluentMigrator;

            [Migration(110)]
            public class TidyOrders : Migration
            {
                public override void Up() => Delete.Index("IX_Orders_CustomerId").OnTable("Orders");

                public override void Down() => Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId");
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }
}
