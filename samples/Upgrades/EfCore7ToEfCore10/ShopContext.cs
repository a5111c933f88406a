using Microsoft.EntityFrameworkCore;

namespace EfCore7ToEfCore10;

public sealed class Product
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    public decimal Price { get; set; }
    public int Stock { get; set; }
}

public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.HasCheckConstraint("CK_Products_Price", "[Price] >= 0");
            product.HasCheckConstraint("CK_Products_Stock", "[Stock] >= 0");
            product.HasIndex(p => p.Sku).IsUnique();
        });
    }
}
