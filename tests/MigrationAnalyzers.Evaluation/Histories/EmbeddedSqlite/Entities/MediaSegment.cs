#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class MediaSegment
    {
        public Guid Id { get; set; }
        public Guid ItemId { get; set; }
        public int Type { get; set; }
        public long StartTicks { get; set; }
        public long EndTicks { get; set; }
        public string SegmentProviderId { get; set; } = string.Empty;
    }
}
