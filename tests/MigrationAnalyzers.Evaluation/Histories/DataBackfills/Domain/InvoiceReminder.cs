using System;

namespace Ledgerly.Domain
{
    public class InvoiceReminder
    {
        public Guid Id { get; set; }
        public Guid InvoiceId { get; set; }
        public int Level { get; set; }
        public DateTime SentAt { get; set; }
    }
}
