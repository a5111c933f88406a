#nullable enable

using System;

namespace Storefront.Domain
{
    public class Product
    {
        public int Id { get; set; }
        public string Sku { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        public decimal Price { get; set; }
        public bool IsActive { get; set; }
        public int CategoryId { get; set; }
        public DateTime CreatedAt { get; set; }
        public string? Slug { get; set; }
        public int StockQuantity { get; set; }
        public string? Gtin { get; set; }
        public double? AverageRating { get; set; }
        public int RatingCount { get; set; }
    }
}
