#nullable enable

using System;

namespace Storefront.Domain
{
    public class ApiKey
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = string.Empty;
        public string KeyHash { get; set; } = string.Empty;
        public DateTime CreatedAt { get; set; }
        public DateTime? RevokedAt { get; set; }
    }
}
