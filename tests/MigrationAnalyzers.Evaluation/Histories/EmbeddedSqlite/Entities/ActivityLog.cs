#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class ActivityLog
    {
        public int Id { get; set; }
        public string Name { get; set; } = string.Empty;
        public string? Overview { get; set; }
        public string? ShortOverview { get; set; }
        public string Type { get; set; } = string.Empty;
        public Guid UserId { get; set; }
        public string? ItemId { get; set; }
        public DateTime DateCreated { get; set; }
        public int LogSeverity { get; set; }
        public int RowVersion { get; set; }
    }
}
