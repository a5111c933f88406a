#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class User
    {
        public Guid Id { get; set; }
        public string Username { get; set; } = string.Empty;
        public string? Password { get; set; }
        public bool MustUpdatePassword { get; set; }
        public string? AudioLanguagePreference { get; set; }
        public string AuthenticationProviderId { get; set; } = string.Empty;
        public int InvalidLoginAttemptCount { get; set; }
        public DateTime? LastActivityDate { get; set; }
        public DateTime? LastLoginDate { get; set; }
        public int SubtitleMode { get; set; }
        public bool PlayDefaultAudioTrack { get; set; }
        public string? SubtitleLanguagePreference { get; set; }
        public int RowVersion { get; set; }
        public int MaxActiveSessions { get; set; }
        public string? CastReceiverProfileId { get; set; }
        public int SyncPlayAccess { get; set; }
        public string? HomeLayout { get; set; }
    }
}
