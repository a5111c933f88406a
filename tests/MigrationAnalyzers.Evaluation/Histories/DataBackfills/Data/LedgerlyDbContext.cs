using Ledgerly.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ledgerly.Data
{
    public class LedgerlyDbContext : DbContext
    {
        public LedgerlyDbContext(DbContextOptions<LedgerlyDbContext> options)
            : base(options)
        {
        }

        public DbSet<Tenant> Tenants => Set<Tenant>();
        public DbSet<User> Users => Set<User>();
        public DbSet<Role> Roles => Set<Role>();
        public DbSet<UserRole> UserRoles => Set<UserRole>();
        public DbSet<Customer> Customers => Set<Customer>();
        public DbSet<Invoice> Invoices => Set<Invoice>();
        public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();
        public DbSet<InvoiceDraft> InvoiceDrafts => Set<InvoiceDraft>();
        public DbSet<CreditNote> CreditNotes => Set<CreditNote>();
        public DbSet<Payment> Payments => Set<Payment>();
        public DbSet<PaymentMethod> PaymentMethods => Set<PaymentMethod>();
        public DbSet<Product> Products => Set<Product>();
        public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasSequence<int>("InvoiceNumbers").StartsAt(1000);

            modelBuilder.ApplyConfigurationsFromAssembly(typeof(LedgerlyDbContext).Assembly);

            modelBuilder.Entity<Tenant>(b =>
            {
                b.Property(t => t.Name).HasMaxLength(200);
                b.Property(t => t.Slug).HasMaxLength(64);
                b.HasIndex(t => t.Slug).IsUnique();
                b.Property(t => t.Plan).HasDefaultValue(0);
                b.Property(t => t.Settings).HasColumnType("jsonb").HasDefaultValue("{}");
            });

            modelBuilder.Entity<Invoice>(b =>
            {
                b.Property(i => i.Number).HasMaxLength(32);
                b.Property(i => i.Currency).HasColumnType("character(3)").HasMaxLength(3);
                b.Property(i => i.TotalAmount).HasPrecision(18, 2);
                b.Property(i => i.DeliveryStatus).HasDefaultValue(0);
                b.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
                b.HasIndex(i => i.IssuedAt).IsCreatedConcurrently();
            });

            modelBuilder.Entity<Role>().HasData(
                new Role { Id = 1, Name = "Owner" },
                new Role { Id = 2, Name = "Accountant" },
                new Role { Id = 3, Name = "Viewer" });

            modelBuilder.Entity<PaymentMethod>().HasData(
                new PaymentMethod { Id = 1, Code = "card", Name = "Card" },
                new PaymentMethod { Id = 2, Code = "transfer", Name = "SEPA transfer" },
                new PaymentMethod { Id = 3, Code = "direct_debit", Name = "Direct debit" });
        }
    }
}
