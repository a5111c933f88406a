#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class MediaItem
    {
        public Guid Id { get; set; }
        public string Kind { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string SortName { get; set; } = string.Empty;
        public string? Path { get; set; }
        public Guid? ParentId { get; set; }
        public Guid? TopParentId { get; set; }
        public DateTime DateCreated { get; set; }
        public DateTime DateModified { get; set; }
        public long? RunTimeTicks { get; set; }
        public int? ProductionYear { get; set; }
        public double? CommunityRating { get; set; }
        public string? OfficialRating { get; set; }
        public int? InheritedParentalRatingValue { get; set; }
        public bool IsFolder { get; set; }
        public bool IsVirtualItem { get; set; }
        public bool IsLocked { get; set; }
        public string? PresentationKey { get; set; }
        public int? Width { get; set; }
        public int? Height { get; set; }
        public long? SizeBytes { get; set; }
        public double? Lufs { get; set; }
        public double? NormalizationGain { get; set; }
        public int? InheritedParentalRatingSubValue { get; set; }
        public ExtraType ExtraType { get; set; }
        public string? LyricsPath { get; set; }
        public DateTime DateLastSaved { get; set; }
    }
}
