namespace MigrationAnalyzers.Descriptors;

/// <summary>
/// Custom tags a descriptor may carry (the last argument of <see cref="Descriptors.Rule"/>).
/// The shipped presets are generated from them, so a rule changes preset by changing its tags, nothing else.
/// </summary>
public static class RuleTags
{
    /// <summary>
    /// The rule is off in the Recommended preset (the default) and on in the All preset: useful to some teams,
    /// noisy for most (for example a style preference, or a check that needs a setting to be meaningful).
    /// </summary>
    public const string OptIn = "MigrationAnalyzers.OptIn";
}
