using System;

namespace Ledgerly.Domain
{
    public class Tenant
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string Slug { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public int Plan { get; set; }
        public string Settings { get; set; } = "";
        public string? DisplayName { get; set; }
    }
}
