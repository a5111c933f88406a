using System;

namespace Podhoard.Core.Notifications
{
    [Flags]
    public enum NotificationTrigger
    {
        None = 0,
        OnGrab = 1,
        OnDownload = 2,
        OnUpgrade = 4,
        OnHealthIssue = 8,
    }
}
