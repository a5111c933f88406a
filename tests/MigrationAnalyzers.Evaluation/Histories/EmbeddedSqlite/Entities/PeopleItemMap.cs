#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class PeopleItemMap
    {
        public Guid ItemId { get; set; }
        public Guid PeopleId { get; set; }
        public string? Role { get; set; }
        public int? ListOrder { get; set; }
        public int? SortOrder { get; set; }
    }
}
