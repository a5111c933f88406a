namespace Podhoard.Core.Podcasts
{
    public enum PodcastStatus
    {
        Unknown = 0,
        Continuing = 1,
        Ended = 2,
        Hiatus = 3,
    }

    public enum EpisodeFileFormat
    {
        Mp3 = 0,
        Aac = 1,
        Opus = 2,
        Flac = 3,
    }
}
