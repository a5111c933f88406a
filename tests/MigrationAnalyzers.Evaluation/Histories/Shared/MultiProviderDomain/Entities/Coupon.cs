#nullable enable

using System;

namespace Storefront.Domain
{
    public class Coupon
    {
        public int Id { get; set; }
        public string Code { get; set; } = string.Empty;
        public int DiscountPercent { get; set; }
        public DateTime? ValidUntil { get; set; }
    }
}
