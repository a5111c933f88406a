#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class Device
    {
        public int Id { get; set; }
        public Guid UserId { get; set; }
        public string AccessToken { get; set; } = string.Empty;
        public string AppName { get; set; } = string.Empty;
        public string AppVersion { get; set; } = string.Empty;
        public string DeviceName { get; set; } = string.Empty;
        public string DeviceId { get; set; } = string.Empty;
        public bool IsActive { get; set; }
        public DateTime DateCreated { get; set; }
        public DateTime DateModified { get; set; }
        public DateTime DateLastActivity { get; set; }
    }
}
