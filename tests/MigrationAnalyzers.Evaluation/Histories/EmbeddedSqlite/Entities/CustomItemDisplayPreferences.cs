#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class CustomItemDisplayPreferences
    {
        public int Id { get; set; }
        public Guid UserId { get; set; }
        public Guid ItemId { get; set; }
        public string Client { get; set; } = string.Empty;
        public string Key { get; set; } = string.Empty;
        public string? Value { get; set; }
    }
}
