#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class DisplayPreferences
    {
        public int Id { get; set; }
        public Guid UserId { get; set; }
        public Guid ItemId { get; set; }
        public string Client { get; set; } = string.Empty;
        public bool ShowSidebar { get; set; }
        public bool ShowBackdrop { get; set; }
        public int ScrollDirection { get; set; }
        public int? IndexBy { get; set; }
        public int SkipForwardLength { get; set; }
        public int SkipBackwardLength { get; set; }
        public string DashboardTheme { get; set; } = string.Empty;
    }
}
