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

    public const string NewtonsoftSerializeObject = "MIG2101";

    public const string NewtonsoftDeserializeObject = "MIG2102";

    public const string NewtonsoftJsonProperty = "MIG2103";

    public const string NewtonsoftJsonIgnore = "MIG2104";

    public const string NewtonsoftStringEnumConverter = "MIG2105";

    public const string NewtonsoftSettings = "MIG2106";

    public const string NewtonsoftLinqToJson = "MIG2107";

    public const string NewtonsoftSerializeWithFormatting = "MIG2108";

    public const string NewtonsoftDeserializeUntyped = "MIG2109";

    public const string NewtonsoftDeserializeToType = "MIG2110";

    public const string NewtonsoftJsonConstructor = "MIG2111";

    public const string NewtonsoftJsonExtensionData = "MIG2112";

    public const string NewtonsoftRequired = "MIG2113";

    public const string EfCoreFromSql = "MIG2201";

    public const string EfCoreExecuteSqlCommand = "MIG2202";

    public const string EfCoreExecuteSqlCommandAsync = "MIG2203";

    public const string EfCoreIndexHasName = "MIG2204";

    public const string EfCoreEntityHasCheckConstraint = "MIG2205";

    public const string EfCoreSqlServerContainsOpenJson = "MIG2206";

    public const string EfCoreJsonEnumsAsNumbers = "MIG2207";

    public const string EfCorePropertyDeclaringEntityType = "MIG2208";

    public const string EfCoreEntityTypeIgnoredConvention = "MIG2209";

    public const string EfCoreMigrateThrowsOnPendingChanges = "MIG2210";

    public const string EfCoreHasDataMustBeDeterministic = "MIG2211";

    public const string EfCoreEventSource = "MIG2212";

    public const string EfCoreUseAzureSqlDefaults = "MIG2213";

    public const string EfCoreParameterizedCollectionMode = "MIG2214";

    public const string EfCoreGetQueryFilter = "MIG2215";

    public const string EfCoreAzureSqlJsonType = "MIG2216";

    public const string SqliteDateTimeUtc = "MIG2217";

    public const string AspNetCoreHostingEnvironment = "MIG2301";

    public const string GenericHostHostingEnvironment = "MIG2302";

    public const string HostingApplicationLifetime = "MIG2303";

    public const string HostingEnvironmentName = "MIG2304";

    public const string AspNetCoreUseMvc = "MIG2305";

    public const string SqlClientNamespaceMove = "MIG2401";

    public const string SqlConnectionStringWithoutEncrypt = "MIG2402";

    public const string FluentAssertionsNamespaceMove = "MIG2501";

    public const string FluentAssertionsOrEqualToRemoved = "MIG2502";

    public const string FluentAssertionsEquivalencyOptionsRenamed = "MIG2503";

    public const string FluentAssertionsEquivalencyMethodsRenamed = "MIG2504";

    public const string FluentAssertionsAssertionOptionsReplaced = "MIG2505";

    public const string FluentAssertionsAssertionsRemoved = "MIG2506";

    public const string FluentAssertionsExecuteAssertionReplaced = "MIG2507";

    public const string XunitAbstractionsNamespaceRemoved = "MIG2601";

    public const string XunitAsyncLifetimeValueTask = "MIG2602";

    public const string XunitMessageSinkMoved = "MIG2603";

    public const string BinaryFormatterSerialization = "MIG3001";

    public const string UnsupportedThreadControl = "MIG3002";

    public const string AppDomainOrRemoting = "MIG3003";

    public const string CodeAccessSecurity = "MIG3004";

    public const string DelegateAsyncInvocation = "MIG3005";

    public const string ProcessStartNeedsShell = "MIG3006";

    public const string CodePageNeedsProvider = "MIG3007";

    public const string CultureSensitiveStringComparison = "MIG3008";
    public const string LegacyExceptionSerialization = "MIG3009";

    public const string Utf7EncodingObsolete = "MIG3101";

    public const string ConstrainedExecutionRegion = "MIG3104";

    public const string DefaultAlgorithmFactory = "MIG3107";

    public const string AuthenticationManager = "MIG3109";

    public const string AssemblyCodeBase = "MIG3112";

    public const string UriEscapeUriString = "MIG3113";

    public const string WebRequestObsolete = "MIG3114";

    public const string JsonIgnoreNullValues = "MIG3120";

    public const string DerivedCryptographyType = "MIG3121";

    public const string Rijndael = "MIG3122";

    public const string RngCryptoServiceProvider = "MIG3123";

    public const string MutableX509Certificate = "MIG3126";

    public const string PublicKeyKey = "MIG3127";

    public const string X509Certificate2PrivateKey = "MIG3128";

    public const string LegacyTlsVersions = "MIG3139";

    public const string Rfc2898ImplicitHash = "MIG3141";

    public const string AlgorithmFactoryByName = "MIG3145";

    public const string XmlSecureResolver = "MIG3147";

    public const string FormatterBasedSerialization = "MIG3150";

    public const string AesGcmWithoutTagSize = "MIG3153";

    public const string ThreadVolatileReadWrite = "MIG3154";

    public const string X509Certificate2Constructor = "MIG3157";

    public const string Rfc2898DeriveBytesConstructor = "MIG3160";

    public const string EncodingDefaultIsUtf8 = "MIG3201";

    public const string SystemWebHttpContext = "MIG3301";

    public const string SystemWebType = "MIG3302";

    public const string WcfClient = "MIG3303";

    public const string WcfServiceHost = "MIG3304";

    public const string InvalidSetting = "MIG9001";

    public const string RulePackSyntax = "MIG9101";

    public const string RulePackRuleIgnored = "MIG9102";
}
