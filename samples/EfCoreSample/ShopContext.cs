using Microsoft.EntityFrameworkCore;
using Shop.Data.Model;

namespace Shop.Data;

public class ShopContext : DbContext
{
    public ShopContext(DbContextOptions<ShopContext> options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(customer =>
        {
            customer.Property(c => c.Name).HasMaxLength(200);
            customer.Property(c => c.Email).HasMaxLength(320);
            customer.HasIndex(c => c.Email).IsUnique();
            customer.Property(c => c.Phone).HasMaxLength(32);
            customer.HasIndex(c => c.Phone);
        });

        modelBuilder.Entity<Order>(order =>
        {
            order.HasIndex(o => new { o.CustomerId, o.PlacedAt });
            order.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId);
        });
    }
}
