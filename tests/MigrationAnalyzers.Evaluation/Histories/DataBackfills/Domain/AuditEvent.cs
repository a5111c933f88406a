using System;

namespace Ledgerly.Domain
{
    public class AuditEvent
    {
        public long Id { get; set; }
        public string Actor { get; set; } = "";
        public string Action { get; set; } = "";
        public DateTime OccurredAt { get; set; }
        public string? Payload { get; set; }
        public Guid TenantId { get; set; }
    }
}
