using System;

namespace Ledgerly.Domain
{
    public class CreditNote
    {
        public Guid Id { get; set; }
        public Guid InvoiceId { get; set; }
        public decimal Amount { get; set; }
        public string Reason { get; set; } = "";
        public string? Currency { get; set; }
        public Guid? IssuedByUserId { get; set; }
        public DateTime CreatedAt { get; set; }
    }
}
