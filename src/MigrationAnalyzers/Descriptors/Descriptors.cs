using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Descriptors;

/// <summary>
/// All diagnostic descriptors. Every descriptor is made by <see cref="Rule"/>, so every one carries
/// a help link to its page in rules/ (a test checks that the page and the release entry exist).
/// </summary>
public static class Descriptors
{
    public const string RulesDocumentationRoot = "https://github.com/migration-analyzers/MigrationAnalyzers/blob/main/rules/";

    public static string HelpLink(string id) => RulesDocumentationRoot + id + ".md";

    public static readonly DiagnosticDescriptor MIG1001_MigrationCannotBeRolledBack = Rule(
        RuleIds.MigrationCannotBeRolledBack,
        "Migration cannot be rolled back",
        "Migration '{0}' cannot be rolled back: {1}",
        RuleCategories.Reversibility,
        DiagnosticSeverity.Warning,
        "Up changes the database but Down is missing, empty or only throws, so a failed deployment cannot be rolled back.");

    public static readonly DiagnosticDescriptor MIG2001_RulePackMatch = Rule(
        RuleIds.RulePackMatch,
        "API use matched by a migration rule pack",
        "{0}: {1}",
        RuleCategories.ApiMigration,
        DiagnosticSeverity.Warning,
        "A rule from a user or library rule pack (AdditionalFiles *.migrationpack or MigrationRules*.txt) matched this API; the rule's ID and message say what to change. The severity is the rule's own.");

    public static readonly DiagnosticDescriptor MIG2002_ObsoleteMemberNamesReplacement = Rule(
        RuleIds.ObsoleteMemberNamesReplacement,
        "Obsolete member names its replacement",
        "'{0}' is obsolete; its message names '{1}' as the replacement",
        RuleCategories.ApiMigration,
        DiagnosticSeverity.Info,
        "The [Obsolete] message of this member says what to use instead, and that member exists with a compatible shape, so the call can be rewritten automatically.");

    public static readonly DiagnosticDescriptor MIG2101_NewtonsoftSerializeObject = PackRule(
        RuleIds.NewtonsoftSerializeObject,
        "JsonConvert.SerializeObject can use System.Text.Json",
        DiagnosticSeverity.Info,
        "JsonConvert.SerializeObject(value) has a direct System.Text.Json equivalent, JsonSerializer.Serialize(value).");

    public static readonly DiagnosticDescriptor MIG2102_NewtonsoftDeserializeObject = PackRule(
        RuleIds.NewtonsoftDeserializeObject,
        "JsonConvert.DeserializeObject<T> can use System.Text.Json",
        DiagnosticSeverity.Info,
        "JsonConvert.DeserializeObject<T>(json) has a direct System.Text.Json equivalent, JsonSerializer.Deserialize<T>(json).");

    public static readonly DiagnosticDescriptor MIG2103_NewtonsoftJsonProperty = PackRule(
        RuleIds.NewtonsoftJsonProperty,
        "[JsonProperty] can use System.Text.Json",
        DiagnosticSeverity.Info,
        "[JsonProperty(\"name\")] that only renames maps to [JsonPropertyName(\"name\")].");

    public static readonly DiagnosticDescriptor MIG2104_NewtonsoftJsonIgnore = PackRule(
        RuleIds.NewtonsoftJsonIgnore,
        "Newtonsoft [JsonIgnore] can use System.Text.Json",
        DiagnosticSeverity.Info,
        "Newtonsoft's [JsonIgnore] maps to System.Text.Json's [JsonIgnore].");

    public static readonly DiagnosticDescriptor MIG2105_NewtonsoftStringEnumConverter = PackRule(
        RuleIds.NewtonsoftStringEnumConverter,
        "StringEnumConverter can use System.Text.Json",
        DiagnosticSeverity.Info,
        "[JsonConverter(typeof(StringEnumConverter))] maps to System.Text.Json's [JsonConverter(typeof(JsonStringEnumConverter))].");

    public static readonly DiagnosticDescriptor MIG2106_NewtonsoftSettings = PackRule(
        RuleIds.NewtonsoftSettings,
        "Newtonsoft settings need a manual System.Text.Json mapping",
        DiagnosticSeverity.Info,
        "Serializer settings and converters have no one-to-one System.Text.Json equivalent.");

    public static readonly DiagnosticDescriptor MIG2107_NewtonsoftLinqToJson = PackRule(
        RuleIds.NewtonsoftLinqToJson,
        "Newtonsoft LINQ to JSON needs a manual rewrite",
        DiagnosticSeverity.Info,
        "JObject, JArray and JToken have no drop-in System.Text.Json equivalent.");

    public static readonly DiagnosticDescriptor MIG2201_EfCoreFromSql = PackRule(
        RuleIds.EfCoreFromSql,
        "FromSql is split into FromSqlRaw and FromSqlInterpolated",
        DiagnosticSeverity.Warning,
        "EF Core 3.0 replaced FromSql with FromSqlRaw and FromSqlInterpolated; the old calls do not compile from 3.0 on.");

    public static readonly DiagnosticDescriptor MIG2202_EfCoreExecuteSqlCommand = PackRule(
        RuleIds.EfCoreExecuteSqlCommand,
        "ExecuteSqlCommand is split into ExecuteSqlRaw and ExecuteSqlInterpolated",
        DiagnosticSeverity.Warning,
        "EF Core 3.0 replaced ExecuteSqlCommand with ExecuteSqlRaw and ExecuteSqlInterpolated.");

    public static readonly DiagnosticDescriptor MIG2203_EfCoreExecuteSqlCommandAsync = PackRule(
        RuleIds.EfCoreExecuteSqlCommandAsync,
        "ExecuteSqlCommandAsync is split into ExecuteSqlRawAsync and ExecuteSqlInterpolatedAsync",
        DiagnosticSeverity.Warning,
        "EF Core 3.0 replaced ExecuteSqlCommandAsync with ExecuteSqlRawAsync and ExecuteSqlInterpolatedAsync.");

    public static readonly DiagnosticDescriptor MIG2204_EfCoreIndexHasName = PackRule(
        RuleIds.EfCoreIndexHasName,
        "Index HasName is renamed HasDatabaseName",
        DiagnosticSeverity.Warning,
        "EF Core 5.0 renamed IndexBuilder.HasName to HasDatabaseName.");

    public static readonly DiagnosticDescriptor MIG2205_EfCoreEntityHasCheckConstraint = PackRule(
        RuleIds.EfCoreEntityHasCheckConstraint,
        "Entity-level HasCheckConstraint moves to ToTable",
        DiagnosticSeverity.Warning,
        "EF Core 7.0 made entity-level HasCheckConstraint obsolete in favour of ToTable(t => t.HasCheckConstraint(...)).");

    public static readonly DiagnosticDescriptor MIG2301_AspNetCoreHostingEnvironment = PackRule(
        RuleIds.AspNetCoreHostingEnvironment,
        "IHostingEnvironment is replaced by IWebHostEnvironment",
        DiagnosticSeverity.Warning,
        "ASP.NET Core 3.0 made Microsoft.AspNetCore.Hosting.IHostingEnvironment obsolete in favour of IWebHostEnvironment.");

    public static readonly DiagnosticDescriptor MIG2302_GenericHostHostingEnvironment = PackRule(
        RuleIds.GenericHostHostingEnvironment,
        "IHostingEnvironment is replaced by IHostEnvironment",
        DiagnosticSeverity.Warning,
        "The generic host 3.0 made Microsoft.Extensions.Hosting.IHostingEnvironment obsolete in favour of IHostEnvironment.");

    public static readonly DiagnosticDescriptor MIG2303_HostingApplicationLifetime = PackRule(
        RuleIds.HostingApplicationLifetime,
        "IApplicationLifetime is replaced by IHostApplicationLifetime",
        DiagnosticSeverity.Warning,
        "ASP.NET Core and the generic host 3.0 made IApplicationLifetime obsolete in favour of IHostApplicationLifetime.");

    public static readonly DiagnosticDescriptor MIG2304_HostingEnvironmentName = PackRule(
        RuleIds.HostingEnvironmentName,
        "EnvironmentName is replaced by Environments",
        DiagnosticSeverity.Warning,
        "ASP.NET Core and the generic host 3.0 made EnvironmentName obsolete in favour of Environments.");

    public static readonly DiagnosticDescriptor MIG2305_AspNetCoreUseMvc = PackRule(
        RuleIds.AspNetCoreUseMvc,
        "UseMvc does not work with endpoint routing",
        DiagnosticSeverity.Warning,
        "Since ASP.NET Core 3.0 endpoint routing is the default; UseMvc must be replaced by UseRouting and UseEndpoints.");

    public static readonly DiagnosticDescriptor MIG9001_InvalidSetting = Rule(
        RuleIds.InvalidSetting,
        "Invalid MigrationAnalyzers setting",
        "Setting '{0}' has invalid value '{1}': {2}; the default is used",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        "A MigrationAnalyzers option in .editorconfig or a global config could not be read; the rule falls back to its default.");

    public static readonly DiagnosticDescriptor MIG9101_RulePackSyntax = Rule(
        RuleIds.RulePackSyntax,
        "Rule pack line cannot be read",
        "Rule pack '{0}': {1}",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        "A line of a migration rule pack is not a comment, a [RULE-ID] header or a 'key = value' pair. The line is skipped; every other rule keeps working.");

    public static readonly DiagnosticDescriptor MIG9102_RulePackRuleIgnored = Rule(
        RuleIds.RulePackRuleIgnored,
        "Rule pack rule is ignored",
        "Rule pack '{0}': {1}",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        "A rule in a migration rule pack has a missing or unreadable key (match, message, severity, requires, rewrite…). That rule is left out; every other rule keeps working.");

    /// <summary>Tag of descriptors that belong to rules of a built-in rule pack (the pack rule with the same ID reports under it).</summary>
    public const string RulePackTag = "MigrationRulePack";

    /// <summary>A rule of a built-in rule pack: the pack supplies the message (and guidance) as the single argument.</summary>
    public static DiagnosticDescriptor PackRule(string id, string title, DiagnosticSeverity severity, string description, string category = RuleCategories.ApiMigration)
        => Rule(id, title, "{0}", category, severity, description, RulePackTag);

    /// <summary>The only way a descriptor is made: it fixes the help link and keeps rules enabled by default.</summary>
    public static DiagnosticDescriptor Rule(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
        => new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: customTags);
}
