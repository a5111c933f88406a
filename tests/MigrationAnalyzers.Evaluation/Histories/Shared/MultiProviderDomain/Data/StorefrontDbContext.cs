using Microsoft.EntityFrameworkCore;
using Storefront.Domain;

namespace Storefront.Data
{
    // One model for every database. The provider and the migrations assembly are chosen at startup:
    // options.UseNpgsql(cs, o => o.MigrationsAssembly("Storefront.Migrations.PostgreSql")) and so on.
    public class StorefrontDbContext : DbContext
    {
        public StorefrontDbContext(DbContextOptions<StorefrontDbContext> options)
            : base(options)
        {
        }

        public DbSet<Address> Addresses => Set<Address>();
        public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
        public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
        public DbSet<Category> Categories => Set<Category>();
        public DbSet<Coupon> Coupons => Set<Coupon>();
        public DbSet<Customer> Customers => Set<Customer>();
        public DbSet<Order> Orders => Set<Order>();
        public DbSet<OrderLine> OrderLines => Set<OrderLine>();
        public DbSet<Product> Products => Set<Product>();
        public DbSet<ProductImage> ProductImages => Set<ProductImage>();
        public DbSet<ProductTag> ProductTags => Set<ProductTag>();
        public DbSet<Setting> Settings => Set<Setting>();
        public DbSet<Shipment> Shipments => Set<Shipment>();
        public DbSet<Tag> Tags => Set<Tag>();
        public DbSet<Webhook> Webhooks => Set<Webhook>();
        public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Category>(b =>
            {
                b.Property(x => x.Name).HasMaxLength(100);
                b.Property(x => x.Slug).HasMaxLength(100);
                b.HasIndex(x => x.Slug).IsUnique();
            });

            modelBuilder.Entity<Customer>(b =>
            {
                b.Property(x => x.Email).HasMaxLength(256);
                b.Property(x => x.NormalizedEmail).HasMaxLength(256);
                b.Property(x => x.DisplayName).HasMaxLength(200);
                b.Property(x => x.Phone).HasMaxLength(32);
                b.HasIndex(x => x.Email).IsUnique();
                b.HasIndex(x => x.NormalizedEmail).IsUnique();
            });

            modelBuilder.Entity<Product>(b =>
            {
                b.Property(x => x.Sku).HasMaxLength(64).HasDefaultValue("");
                b.Property(x => x.Name).HasMaxLength(200);
                b.Property(x => x.Slug).HasMaxLength(200);
                b.Property(x => x.Gtin).HasMaxLength(14);
                b.Property(x => x.Price).HasPrecision(18, 2);
                b.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
            });

            modelBuilder.Entity<Order>(b =>
            {
                b.Property(x => x.Number).HasMaxLength(32);
                b.Property(x => x.Currency).HasMaxLength(3).HasDefaultValue("EUR");
                b.Property(x => x.Total).HasPrecision(18, 2);
                b.Property(x => x.Subtotal).HasPrecision(18, 2);
                b.Property(x => x.FulfilmentStatus).HasDefaultValue(OrderStatus.Shipped);
                b.HasIndex(x => x.PlacedAt);
                b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
                b.HasOne<Coupon>().WithMany().HasForeignKey(x => x.CouponId).OnDelete(DeleteBehavior.SetNull);
            });

            modelBuilder.Entity<OrderLine>(b =>
            {
                b.Property(x => x.UnitPrice).HasPrecision(18, 2);
                b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId);
                b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
            });

            modelBuilder.Entity<Address>(b =>
            {
                b.Property(x => x.Line1).HasMaxLength(200);
                b.Property(x => x.Line2).HasMaxLength(200);
                b.Property(x => x.City).HasMaxLength(100);
                b.Property(x => x.PostalCode).HasMaxLength(32).HasDefaultValue("");
                b.Property(x => x.Country).HasMaxLength(2);
                b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
            });

            modelBuilder.Entity<AuditEntry>(b =>
            {
                b.Property(x => x.EntityName).HasMaxLength(100);
                b.Property(x => x.EntityId).HasMaxLength(64);
                b.Property(x => x.Action).HasMaxLength(32);
                b.HasIndex(x => new { x.EntityName, x.EntityId });
            });

            modelBuilder.Entity<Setting>(b =>
            {
                b.HasKey(x => x.Key);
                b.Property(x => x.Key).HasMaxLength(100);
            });

            modelBuilder.Entity<ProductTag>().HasKey(x => new { x.ProductId, x.TagId });
            modelBuilder.Entity<Coupon>().HasIndex(x => x.Code).IsUnique();
            modelBuilder.Entity<ApiKey>().HasIndex(x => x.KeyHash).IsUnique();
            modelBuilder.Entity<Tag>().HasIndex(x => x.Name).IsUnique();
        }
    }
}
