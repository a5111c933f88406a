#nullable enable

using System;

namespace Storefront.Domain
{
    public class Customer
    {
        public Guid Id { get; set; }
        public string Email { get; set; } = string.Empty;
        public string DisplayName { get; set; } = string.Empty;
        public DateTime CreatedAt { get; set; }
        public string? Phone { get; set; }
        public string NormalizedEmail { get; set; } = string.Empty;
        public int LoyaltyPoints { get; set; }
        public LoyaltyTier LoyaltyTier { get; set; }
        public DateTime? LastLoginAt { get; set; }
        public DateTime UpdatedAt { get; set; }
    }
}
