#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class MediaStreamInfo
    {
        public Guid ItemId { get; set; }
        public int StreamIndex { get; set; }
        public int StreamType { get; set; }
        public string? Codec { get; set; }
        public string? Language { get; set; }
        public string? Title { get; set; }
        public bool IsDefault { get; set; }
        public bool IsForced { get; set; }
        public bool IsExternal { get; set; }
        public string? Path { get; set; }
        public int? BitRate { get; set; }
        public int? Channels { get; set; }
        public int? Width { get; set; }
        public int? Height { get; set; }
    }
}
