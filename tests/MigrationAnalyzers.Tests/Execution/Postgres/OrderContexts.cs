using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// Two histories that differ only in their last migration: the index as `migrations add` writes it (reported by MIG1060)
/// and the same index after the MIG1060 code fix. Each context finds its own migrations through [DbContext].
/// </summary>
public abstract class OrdersContext : DbContext
{
    private readonly string _connectionString;

    protected OrdersContext(string connectionString)
    {
        _connectionString = connectionString;
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseNpgsql(_connectionString);
}

public sealed class BlockingIndexContext : OrdersContext
{
    public BlockingIndexContext(string connectionString) : base(connectionString) { }
}

public sealed class ConcurrentIndexContext : OrdersContext
{
    public ConcurrentIndexContext(string connectionString) : base(connectionString) { }
}

/// <summary>The concurrent index of <see cref="ConcurrentIndexContext"/>, later dropped as scaffolded (reported by MIG1060).</summary>
public sealed class BlockingDropContext : OrdersContext
{
    public BlockingDropContext(string connectionString) : base(connectionString) { }
}

/// <summary>The same drop after the MIG1060 fix: DROP INDEX CONCURRENTLY outside the transaction.</summary>
public sealed class ConcurrentDropContext : OrdersContext
{
    public ConcurrentDropContext(string connectionString) : base(connectionString) { }
}

public static class OrdersMigrations
{
    public const string CreateOrders = "20240101000000_CreateOrders";
    public const string IndexOrders = "20240301090000_IndexOrders";
    public const string DropOrdersIndex = "20240401090000_DropOrdersIndex";

    public static void CreateIndexConcurrently(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")
            .Annotation("Npgsql:CreatedConcurrently", true);

    public static void CreateOrdersTable(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Orders",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CustomerId = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
        migrationBuilder.Sql("""INSERT INTO "Orders" ("CustomerId") SELECT g % 100 FROM generate_series(1, 1000) AS g;""");
    }
}

[DbContext(typeof(BlockingIndexContext))]
[Migration(OrdersMigrations.CreateOrders)]
public sealed class CreateOrdersBeforeBlockingIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => OrdersMigrations.CreateOrdersTable(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
}

/// <summary>As scaffolded: MIG1060 reports this CreateIndex.</summary>
[DbContext(typeof(BlockingIndexContext))]
[Migration(OrdersMigrations.IndexOrders)]
public sealed class BlockingIndexOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "IX_Orders_CustomerId",
            table: "Orders",
            column: "CustomerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex(name: "IX_Orders_CustomerId", table: "Orders");
}

[DbContext(typeof(ConcurrentIndexContext))]
[Migration(OrdersMigrations.CreateOrders)]
public sealed class CreateOrdersBeforeConcurrentIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => OrdersMigrations.CreateOrdersTable(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
}

/// <summary>The same migration after the MIG1060 fix (the body is NonBlockingIndexCodeFixTests.FixedCreateIndex).</summary>
[DbContext(typeof(ConcurrentIndexContext))]
[Migration(OrdersMigrations.IndexOrders)]
public sealed class ConcurrentIndexOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "IX_Orders_CustomerId",
            table: "Orders",
            column: "CustomerId")
            .Annotation("Npgsql:CreatedConcurrently", true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex(name: "IX_Orders_CustomerId", table: "Orders");
}

[DbContext(typeof(BlockingDropContext))]
[Migration(OrdersMigrations.CreateOrders)]
public sealed class CreateOrdersBeforeBlockingDrop : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => OrdersMigrations.CreateOrdersTable(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
}

[DbContext(typeof(BlockingDropContext))]
[Migration(OrdersMigrations.IndexOrders)]
public sealed class IndexOrdersBeforeBlockingDrop : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => OrdersMigrations.CreateIndexConcurrently(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropIndex(name: "IX_Orders_CustomerId", table: "Orders");
}

/// <summary>As scaffolded: MIG1060 reports this DropIndex.</summary>
[DbContext(typeof(BlockingDropContext))]
[Migration(OrdersMigrations.DropOrdersIndex)]
public sealed class BlockingDropOrdersIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(
            name: "IX_Orders_CustomerId",
            table: "Orders");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => OrdersMigrations.CreateIndexConcurrently(migrationBuilder);
}

[DbContext(typeof(ConcurrentDropContext))]
[Migration(OrdersMigrations.CreateOrders)]
public sealed class CreateOrdersBeforeConcurrentDrop : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => OrdersMigrations.CreateOrdersTable(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
}

[DbContext(typeof(ConcurrentDropContext))]
[Migration(OrdersMigrations.IndexOrders)]
public sealed class IndexOrdersBeforeConcurrentDrop : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => OrdersMigrations.CreateIndexConcurrently(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropIndex(name: "IX_Orders_CustomerId", table: "Orders");
}

/// <summary>The same drop after the MIG1060 fix (the body is NonBlockingIndexCodeFixTests.FixedDropIndex).</summary>
[DbContext(typeof(ConcurrentDropContext))]
[Migration(OrdersMigrations.DropOrdersIndex)]
public sealed class ConcurrentDropOrdersIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"IX_Orders_CustomerId\";", suppressTransaction: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => OrdersMigrations.CreateIndexConcurrently(migrationBuilder);
}
