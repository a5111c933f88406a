namespace Podhoard.Core.Configuration
{
    public static class ConfigDefaults
    {
        public const int RssSyncIntervalMinutes = 60;
        public const string DefaultEpisodeNamingFormat = "{Podcast Title} - {Air Date} - {Episode Title}";
        public const int MaximumEpisodeTitleLength = 200;
    }
}
