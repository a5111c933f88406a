#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class People
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = string.Empty;
        public string? PersonType { get; set; }
    }
}
