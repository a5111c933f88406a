#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class Permission
    {
        public int Id { get; set; }
        public int Kind { get; set; }
        public bool Value { get; set; }
        public Guid? UserId { get; set; }
        public int RowVersion { get; set; }
    }
}
