using System;

namespace Ledgerly.Domain
{
    public class Payment
    {
        public Guid Id { get; set; }
        public Guid InvoiceId { get; set; }
        public decimal Amount { get; set; }
        public DateTime ReceivedAt { get; set; }
        public string Reference { get; set; } = string.Empty;
        public int PaymentMethodId { get; set; }
    }
}
