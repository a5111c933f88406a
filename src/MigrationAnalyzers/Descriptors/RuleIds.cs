namespace MigrationAnalyzers.Descriptors;

/// <summary>
/// Every diagnostic ID the package reports, in one place.
/// Ranges: MIG1xxx database migrations, MIG2xxx API migrations, MIG3xxx framework upgrades,
/// MIG9xxx problems with the package's own settings and rule files.
/// </summary>
public static class RuleIds
{
    public const string MigrationCannotBeRolledBack = "MIG1001";

    public const string DropWithoutDeprecation = "MIG1010";

    public const string NotNullColumnWithoutDefault = "MIG1030";

    public const string OneStepRename = "MIG1040";

    public const string RiskyColumnTypeChange = "MIG1050";

    public const string BlockingIndexChange = "MIG1060";

    public const string MigrationOutsideTransaction = "MIG1070";

    public const string DestructiveRawSql = "MIG1080";

    public const string MigrationIdentity = "MIG1100";

    public const string SchemaAndDataInOneMigration = "MIG1020";

    public const string RulePackMatch = "MIG2001";

    public const string BinaryFormatterSerialization = "MIG3001";

    public const string UnsupportedThreadControl = "MIG3002";

    public const string AppDomainOrRemoting = "MIG3003";

    public const string DelegateAsyncInvocation = "MIG3005";

    public const string ProcessStartNeedsShell = "MIG3006";

    public const string CodePageNeedsProvider = "MIG3007";

    public const string CultureSensitiveStringComparison = "MIG3008";

    public const string InvalidSetting = "MIG9001";

    public const string RulePackSyntax = "MIG9101";

    public const string RulePackRuleIgnored = "MIG9102";
}
