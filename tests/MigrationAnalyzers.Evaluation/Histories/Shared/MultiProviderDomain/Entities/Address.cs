#nullable enable

using System;

namespace Storefront.Domain
{
    public class Address
    {
        public int Id { get; set; }
        public Guid CustomerId { get; set; }
        public string Line1 { get; set; } = string.Empty;
        public string? Line2 { get; set; }
        public string City { get; set; } = string.Empty;
        public string PostalCode { get; set; } = string.Empty;
        public string Country { get; set; } = string.Empty;
    }
}
