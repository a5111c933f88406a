#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class MediaItemProvider
    {
        public Guid ItemId { get; set; }
        public string ProviderId { get; set; } = string.Empty;
        public string ProviderValue { get; set; } = string.Empty;
    }
}
