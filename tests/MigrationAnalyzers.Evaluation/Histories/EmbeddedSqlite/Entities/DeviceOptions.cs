#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class DeviceOptions
    {
        public int Id { get; set; }
        public string DeviceId { get; set; } = string.Empty;
        public string? CustomName { get; set; }
    }
}
