#nullable enable

using System;

namespace Storefront.Domain
{
    public class Webhook
    {
        public int Id { get; set; }
        public string Url { get; set; } = string.Empty;
        public bool IsEnabled { get; set; }
        public DateTime CreatedAt { get; set; }
        public string? SigningKey { get; set; }
    }
}
