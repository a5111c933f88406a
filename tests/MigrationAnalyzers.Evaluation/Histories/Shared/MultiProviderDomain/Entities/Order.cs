#nullable enable

using System;

namespace Storefront.Domain
{
    public class Order
    {
        public Guid Id { get; set; }
        public Guid CustomerId { get; set; }
        public OrderStatus Status { get; set; }
        public DateTime PlacedAt { get; set; }
        public decimal Total { get; set; }
        public string Number { get; set; } = string.Empty;
        public OrderStatus FulfilmentStatus { get; set; }
        public decimal? Subtotal { get; set; }
        public int? CouponId { get; set; }
        public string Currency { get; set; } = string.Empty;
        public string? InternalComment { get; set; }
    }
}
