#nullable enable

using System;

namespace Mediabox.Database.Entities
{
    public class ApiKey
    {
        public int Id { get; set; }
        public DateTime DateCreated { get; set; }
        public DateTime DateLastActivity { get; set; }
        public string Name { get; set; } = string.Empty;
        public string AccessToken { get; set; } = string.Empty;
    }
}
