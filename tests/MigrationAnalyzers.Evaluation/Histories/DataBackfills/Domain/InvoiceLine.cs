using System;

namespace Ledgerly.Domain
{
    public class InvoiceLine
    {
        public long Id { get; set; }
        public Guid InvoiceId { get; set; }
        public string Description { get; set; } = "";
        public decimal Quantity { get; set; }
        public decimal UnitPrice { get; set; }
        public Guid? ProductId { get; set; }
        public decimal TaxRate { get; set; }
    }
}
