#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class ItemValueMap
    {
        public Guid ItemId { get; set; }
        public Guid ItemValueId { get; set; }
    }
}
