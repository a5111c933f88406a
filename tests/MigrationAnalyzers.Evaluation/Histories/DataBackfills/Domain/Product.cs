using System;

namespace Ledgerly.Domain
{
    public class Product
    {
        public Guid Id { get; set; }
        public Guid TenantId { get; set; }
        public string Sku { get; set; } = "";
        public string Name { get; set; } = "";
        public decimal UnitPrice { get; set; }
    }
}
