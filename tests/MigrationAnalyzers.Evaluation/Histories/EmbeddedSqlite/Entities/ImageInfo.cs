#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class ImageInfo
    {
        public int Id { get; set; }
        public Guid? UserId { get; set; }
        public string Path { get; set; } = string.Empty;
        public DateTime LastModified { get; set; }
    }
}
