#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class UserItemData
    {
        public Guid ItemId { get; set; }
        public Guid UserId { get; set; }
        public string CustomDataKey { get; set; } = string.Empty;
        public long PlaybackPositionTicks { get; set; }
        public int PlayCount { get; set; }
        public bool IsFavorite { get; set; }
        public bool Played { get; set; }
        public DateTime? LastPlayedDate { get; set; }
        public double? Rating { get; set; }
        public int? AudioStreamIndex { get; set; }
        public int? SubtitleStreamIndex { get; set; }
        public DateTime? RetentionDate { get; set; }
        public bool? Likes { get; set; }
    }
}
