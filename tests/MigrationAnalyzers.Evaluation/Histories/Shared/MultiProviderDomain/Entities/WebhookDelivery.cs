#nullable enable

using System;

namespace Storefront.Domain
{
    public class WebhookDelivery
    {
        public long Id { get; set; }
        public int WebhookId { get; set; }
        public int? StatusCode { get; set; }
        public string? Body { get; set; }
        public DateTime AttemptedAt { get; set; }
    }
}
