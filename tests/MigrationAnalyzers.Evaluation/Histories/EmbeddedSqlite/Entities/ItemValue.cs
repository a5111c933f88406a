#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class ItemValue
    {
        public Guid ItemValueId { get; set; }
        public int Type { get; set; }
        public string Value { get; set; } = string.Empty;
        public string CleanValue { get; set; } = string.Empty;
    }
}
