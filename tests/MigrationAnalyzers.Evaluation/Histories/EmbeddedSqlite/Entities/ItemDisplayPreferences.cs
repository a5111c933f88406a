#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class ItemDisplayPreferences
    {
        public int Id { get; set; }
        public Guid UserId { get; set; }
        public Guid ItemId { get; set; }
        public string Client { get; set; } = string.Empty;
        public int ViewType { get; set; }
        public bool RememberIndexing { get; set; }
        public int? IndexBy { get; set; }
        public bool RememberSorting { get; set; }
        public string SortBy { get; set; } = string.Empty;
        public int SortOrder { get; set; }
    }
}
