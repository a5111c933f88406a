namespace MigrationAnalyzers.Descriptors;

/// <summary>
/// Every diagnostic ID the package reports, in one place.
/// Ranges: MIG1xxx database migrations, MIG2xxx API migrations, MIG3xxx framework upgrades,
/// MIG9xxx problems with the package's own settings and rule files.
/// </summary>
public static class RuleIds
{
    public const string MigrationCannotBeRolledBack = "MIG1001";
    public const string DownDoesNotUndoUp = "MIG1002";
    public const string AutoReversingMigrationCannotReverse = "MIG1003";

    public const string InvalidSetting = "MIG9001";
}
