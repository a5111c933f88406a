using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Shop.Data.Model;

namespace Shop.Data.Tests;

/// <summary>
/// The sample's migrations on a real (in-memory) SQLite database. The roll-back test fails while AddOrders has no
/// Down (MIG1001) and passes once `dotnet format analyzers --diagnostics MIG1001` has written it.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public MigrationTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Migrations_create_a_schema_the_model_can_use()
    {
        using (var context = NewContext())
        {
            context.Database.Migrate();
            var customer = new Customer { Name = "Ada Lovelace", Email = "ada@example.com" };
            customer.Orders.Add(new Order { PlacedAt = new DateTime(2024, 1, 12), Total = 42.50m });
            context.Customers.Add(customer);
            context.SaveChanges();
        }

        using (var context = NewContext())
        {
            Assert.Equal(new[] { "Customers", "Orders" }, SqliteSchema.Tables(_connection));
            Assert.Equal(42.50m, context.Orders.Single().Total);
        }
    }

    [Fact]
    public void Migrations_roll_back_to_an_empty_database_and_apply_again()
    {
        using var context = NewContext();
        var empty = SqliteSchema.Describe(_connection);

        context.Database.Migrate();
        var migrated = SqliteSchema.Describe(_connection);
        context.GetService<IMigrator>().Migrate(Migration.InitialDatabase);
        Assert.Equal(empty, SqliteSchema.Describe(_connection));

        context.Database.Migrate();
        Assert.Equal(migrated, SqliteSchema.Describe(_connection));
    }

    private ShopContext NewContext() => new(new DbContextOptionsBuilder<ShopContext>().UseSqlite(_connection).Options);
}
