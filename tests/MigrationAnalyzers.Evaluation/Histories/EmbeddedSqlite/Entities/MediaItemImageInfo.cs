#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class MediaItemImageInfo
    {
        public Guid Id { get; set; }
        public Guid ItemId { get; set; }
        public string Path { get; set; } = string.Empty;
        public DateTime DateModified { get; set; }
        public int ImageType { get; set; }
        public int Width { get; set; }
        public int Height { get; set; }
        public byte[]? Blurhash { get; set; }
    }
}
