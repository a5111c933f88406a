using System;
using System.Collections.Generic;

namespace Podhoard.Core.Podcasts
{
    public class Podcast
    {
        public int Id { get; set; }
        public string Title { get; set; } = "";
        public string FeedUrl { get; set; } = "";
        public string CleanTitle { get; set; } = "";
        public PodcastStatus Status { get; set; }
        public bool Monitored { get; set; }
        public string Path { get; set; } = "";
        public string? Language { get; set; }
        public HashSet<int> Tags { get; set; } = new();
        public DateTime Added { get; set; }
        public DateTime? LastRefreshed { get; set; }

        /// <summary>Titles compare without punctuation or case, as feeds spell them differently over time.</summary>
        public static string Clean(string title)
        {
            var chars = new List<char>(title.Length);
            foreach (var c in title)
            {
                if (char.IsLetterOrDigit(c))
                {
                    chars.Add(char.ToLowerInvariant(c));
                }
            }

            return new string(chars.ToArray());
        }
    }
}
