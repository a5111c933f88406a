#nullable enable

using System;

namespace Storefront.Domain
{
    public class Tag
    {
        public int Id { get; set; }
        public string Name { get; set; } = string.Empty;
    }
}
