#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class AncestorId
    {
        public Guid ParentItemId { get; set; }
        public Guid ItemId { get; set; }
    }
}
