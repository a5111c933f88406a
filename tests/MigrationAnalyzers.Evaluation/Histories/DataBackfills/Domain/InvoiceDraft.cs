using System;

namespace Ledgerly.Domain
{
    public class InvoiceDraft
    {
        public Guid Id { get; set; }
        public Guid TenantId { get; set; }
        public Guid? CustomerId { get; set; }
        public string Payload { get; set; } = "";
        public DateTime UpdatedAt { get; set; }
    }
}
