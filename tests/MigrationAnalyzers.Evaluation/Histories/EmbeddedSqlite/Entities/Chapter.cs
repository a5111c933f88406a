#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class Chapter
    {
        public Guid ItemId { get; set; }
        public int ChapterIndex { get; set; }
        public long StartPositionTicks { get; set; }
        public string? Name { get; set; }
        public string? ImagePath { get; set; }
        public DateTime? ImageDateModified { get; set; }
    }
}
