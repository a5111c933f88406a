#nullable enable

using System;

namespace Storefront.Domain
{
    public class ProductTag
    {
        public int ProductId { get; set; }
        public int TagId { get; set; }
    }
}
