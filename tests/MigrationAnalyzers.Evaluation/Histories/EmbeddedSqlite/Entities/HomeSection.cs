#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class HomeSection
    {
        public int Id { get; set; }
        public int DisplayPreferencesId { get; set; }
        public int Order { get; set; }
        public int Type { get; set; }
    }
}
