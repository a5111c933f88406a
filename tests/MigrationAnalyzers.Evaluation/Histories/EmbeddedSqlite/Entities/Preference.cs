#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class Preference
    {
        public int Id { get; set; }
        public int Kind { get; set; }
        public string Value { get; set; } = string.Empty;
        public Guid? UserId { get; set; }
        public int RowVersion { get; set; }
    }
}
