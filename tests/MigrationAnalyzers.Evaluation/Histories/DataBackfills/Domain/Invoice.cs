using System;

namespace Ledgerly.Domain
{
    public class Invoice
    {
        public Guid Id { get; set; }
        public Guid TenantId { get; set; }
        public Guid CustomerId { get; set; }
        public string Number { get; set; } = "";
        public int Status { get; set; }
        public DateTime IssuedAt { get; set; }
        public DateTime? DueAt { get; set; }
        public decimal TotalAmount { get; set; }
        public string? Notes { get; set; }
        public string Currency { get; set; } = "";
        public int DeliveryStatus { get; set; }
        public DateTime? SentAt { get; set; }
        public string? PdfPath { get; set; }
        public int? IssuedYear { get; set; }
        public DateTime? UpdatedAt { get; set; }
    }
}
