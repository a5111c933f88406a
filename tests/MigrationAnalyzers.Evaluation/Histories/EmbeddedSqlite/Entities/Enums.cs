namespace Mediabox.Database.Entities
{
    // Stored as integers in MediaItems.ExtraType.
    public enum ExtraType
    {
        Unknown = 0,
        Clip = 1,
        Trailer = 2,
        BehindTheScenes = 3,
        DeletedScene = 4,
        Interview = 5,
        Scene = 6,
        Sample = 7,
        ThemeSong = 8,
        ThemeVideo = 9,
    }
}
