namespace MigrationAnalyzers.Descriptors;

/// <summary>
/// The diagnostic IDs of the hand-written rules. A built-in pack rule's ID is written in its pack only
/// (RulePacks/BuiltIn/*.migrationpack).
/// Ranges: MIG1xxx database migrations, MIG2xxx API migrations, MIG3xxx framework upgrades,
/// MIG9xxx problems with the package's own settings and rule files.
/// </summary>
public static class RuleIds
{
    public const string MigrationCannotBeRolledBack = "MIG1001";

    public const string DownDoesNotUndoUp = "MIG1002";

    public const string AutoReversingMigrationCannotReverse = "MIG1003";

    public const string DropWithoutDeprecation = "MIG1010";

    public const string SchemaAndDataInOneMigration = "MIG1020";

    public const string NotNullColumnWithoutDefault = "MIG1030";

    public const string OneStepRename = "MIG1040";

    public const string RiskyColumnTypeChange = "MIG1050";

    public const string BlockingIndexChange = "MIG1060";

    public const string MigrationOutsideTransaction = "MIG1070";

    public const string DestructiveRawSql = "MIG1080";

    public const string DownDestroysOlderData = "MIG1081";

    public const string MigrationIdentity = "MIG1100";

    public const string MigrationDependsOnApplicationCode = "MIG1110";

    public const string ConstraintValidatedAtOnce = "MIG1120";

    public const string UniqueConstraintWithoutIndex = "MIG1130";

    public const string DefaultRewritesTable = "MIG1140";

    public const string ConcurrentIndexInTransaction = "MIG1150";

    public const string IdentityColumnOnExistingTable = "MIG1160";

    public const string TableMaintenanceInMigration = "MIG1170";

    public const string DropOfDeclaredKey = "MIG1171";

    public const string SnapshotOutOfStep = "MIG1181";

    public const string ParallelBranchMigration = "MIG1182";

    public const string IntIdentityOnNewTable = "MIG1190";

    public const string JsonInsteadOfJsonb = "MIG1191";

    public const string TimestampWithoutTimeZone = "MIG1192";

    public const string LockingDdlWithoutLockTimeout = "MIG1193";

    public const string RulePackMatch = "MIG2001";

    public const string ObsoleteMemberNamesReplacement = "MIG2002";

    public const string SqlConnectionStringWithoutEncrypt = "MIG2402";

    public const string CodeAccessSecurity = "MIG3004";

    public const string DelegateAsyncInvocation = "MIG3005";

    public const string ProcessStartNeedsShell = "MIG3006";

    public const string CodePageNeedsProvider = "MIG3007";

    public const string CultureSensitiveStringComparison = "MIG3008";

    public const string LegacyExceptionSerialization = "MIG3009";

    public const string InvalidSetting = "MIG9001";

    public const string RulePackSyntax = "MIG9101";

    public const string RulePackRuleIgnored = "MIG9102";
}
