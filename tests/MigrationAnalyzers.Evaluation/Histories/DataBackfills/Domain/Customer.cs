using System;

namespace Ledgerly.Domain
{
    public class Customer
    {
        public Guid Id { get; set; }
        public Guid TenantId { get; set; }
        public string Name { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public int PaymentTermsDays { get; set; }
        public string? BillingStreet { get; set; }
        public string? BillingCity { get; set; }
        public string? BillingPostalCode { get; set; }
        public string BillingCountry { get; set; } = "";
        public string? ContactEmail { get; set; }
        public string? TaxId { get; set; }
        public string? ExternalRef { get; set; }
    }
}
