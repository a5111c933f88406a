#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class TrickplayInfo
    {
        public Guid ItemId { get; set; }
        public int Width { get; set; }
        public int Height { get; set; }
        public int TileWidth { get; set; }
        public int TileHeight { get; set; }
        public int ThumbnailCount { get; set; }
        public int Interval { get; set; }
        public int Bandwidth { get; set; }
    }
}
