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

    public static readonly DiagnosticDescriptor MIG1010_DropWithoutDeprecation = Rule(
        RuleIds.DropWithoutDeprecation,
        "Drop without a deprecation period",
        "Drop of '{0}' without a deprecation period: {1}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "A column or table may be dropped only after the application stopped using it and that version has run for the deprecation period; otherwise running instances (and a rollback) still read it.");

    public static readonly DiagnosticDescriptor MIG1020_SchemaAndDataInOneMigration = Rule(
        RuleIds.SchemaAndDataInOneMigration,
        "Schema and data changes in one migration",
        "Migration '{0}' changes the schema and the data ({1}); move the data changes into a migration of their own",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "A migration that changes both the schema and the rows holds locks for as long as the data change runs, cannot be retried in parts, and ties a slow, data-dependent step to a fast, predictable one. Keep data changes in a migration of their own.");

    public static readonly DiagnosticDescriptor MIG1030_NotNullColumnWithoutDefault = Rule(
        RuleIds.NotNullColumnWithoutDefault,
        "NOT NULL column without a default on an existing table",
        "Column '{0}.{1}' {2}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "A NOT NULL column added to a table that already has rows needs a value for them: without a default the migration fails, or locks the table while it fills it. Making a nullable column NOT NULL fails on the first NULL unless the rows were backfilled first.");

    public static readonly DiagnosticDescriptor MIG1040_OneStepRename = Rule(
        RuleIds.OneStepRename,
        "Column or table renamed in one step",
        "Renaming {0} '{1}' to '{2}' in one step breaks running instances of the old code; add the new {0}, write to both, backfill, switch reads, then drop the old {0}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "During a deployment the old version of the application keeps running against the new schema; a renamed column or table is gone for it, so its queries fail until every instance is replaced.");

    public static readonly DiagnosticDescriptor MIG1050_RiskyColumnTypeChange = Rule(
        RuleIds.RiskyColumnTypeChange,
        "Column type change that narrows or rewrites the table",
        "Column '{0}.{1}': {2}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "An AlterColumn that narrows a column (shorter length, smaller number, lower precision, text to number, nullable to NOT NULL) fails or loses data on existing values; most other type changes rewrite the table under a lock. Changes the target database does in place stay silent.");

    public static readonly DiagnosticDescriptor MIG1060_BlockingIndexChange = Rule(
        RuleIds.BlockingIndexChange,
        "Index change blocks writes on an existing table",
        "Index '{0}'{1} on {2} {3}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "Building an index on a table that already holds data blocks writes until the build ends (PostgreSQL without CONCURRENTLY, SQL Server without ONLINE), and a plain DROP INDEX on PostgreSQL waits for and then holds an exclusive lock on the table.");

    public static readonly DiagnosticDescriptor MIG1070_MigrationOutsideTransaction = Rule(
        RuleIds.MigrationOutsideTransaction,
        "Migration runs outside a transaction together with other operations",
        "Migration '{0}' runs {1} outside a transaction together with {2} other operation(s): a failure leaves the database half-migrated; give it a migration of its own",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "Operations that run outside the migration's transaction commit on their own; when anything else in the same migration fails, the database is left half-migrated and the history says the migration did not run.");

    public static readonly DiagnosticDescriptor MIG1080_DestructiveRawSql = Rule(
        RuleIds.DestructiveRawSql,
        "Raw SQL destroys data",
        "Raw SQL {0}: the data is gone once it runs and Down cannot bring it back",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "SQL passed to Sql(…) or Execute.Sql(…) drops a table or column, truncates a table, or deletes or updates every row; none of the schema checks see it.");

    public static readonly DiagnosticDescriptor MIG1100_MigrationIdentity = Rule(
        RuleIds.MigrationIdentity,
        "Migration identity error",
        "Migration '{0}' {1}",
        RuleCategories.MigrationHistory,
        DiagnosticSeverity.Error,
        "Two migrations with the same ID or version, an EF Core ID that is not yyyyMMddHHmmss_Name, or two migrations of one context with the same timestamp: the framework refuses to run, skips one of them, or runs them in an order nobody chose.");

    public static readonly DiagnosticDescriptor MIG2001_RulePackMatch = Rule(
        RuleIds.RulePackMatch,
        "API use matched by a migration rule pack",
        "{0}: {1}",
        RuleCategories.ApiMigration,
        DiagnosticSeverity.Warning,
        "A rule from a user or library rule pack (AdditionalFiles *.migrationpack or MigrationRules*.txt) matched this API; the rule's ID and message say what to change. The severity is the rule's own.");

    public static readonly DiagnosticDescriptor MIG3001_BinaryFormatterSerialization = Rule(
        RuleIds.BinaryFormatterSerialization,
        "BinaryFormatter serialization breaks on the upgrade target",
        "On {2}, '{0}' {1}",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        "BinaryFormatter is obsolete from .NET 5 (SYSLIB0011), disabled by default in ASP.NET Core, and throws PlatformNotSupportedException in every app from .NET 9. Move to System.Text.Json, XmlSerializer, DataContractSerializer or MessagePack.");

    public static readonly DiagnosticDescriptor MIG3002_UnsupportedThreadControl = Rule(
        RuleIds.UnsupportedThreadControl,
        "Thread.Abort, ResetAbort, Suspend and Resume throw on .NET Core and .NET 5+",
        "On {2}, '{0}' {1}",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        "Thread.Abort, Thread.ResetAbort, Thread.Suspend and Thread.Resume compile but throw PlatformNotSupportedException on .NET Core and .NET 5 and later. Stop work cooperatively with a CancellationToken.");

    public static readonly DiagnosticDescriptor MIG3003_AppDomainOrRemoting = Rule(
        RuleIds.AppDomainOrRemoting,
        "AppDomain creation and .NET Remoting are not supported on .NET Core and .NET 5+",
        "On {2}, '{0}' {1}",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        ".NET Core has a single application domain and no .NET Remoting: AppDomain.CreateDomain and AppDomain.Unload throw PlatformNotSupportedException, and the remoting types are gone. Use AssemblyLoadContext for isolation and unloading, and gRPC, pipes or sockets between processes.");

    public static readonly DiagnosticDescriptor MIG3005_DelegateAsyncInvocation = Rule(
        RuleIds.DelegateAsyncInvocation,
        "Delegate.BeginInvoke and EndInvoke are not supported on .NET Core and .NET 5+",
        "On {1}, '{0}' throws PlatformNotSupportedException; run the delegate with Task.Run",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        "The asynchronous programming model on delegates (BeginInvoke/EndInvoke) needs .NET Remoting and throws PlatformNotSupportedException on .NET Core and .NET 5 and later. Task.Run runs the delegate on the thread pool the same way.");

    public static readonly DiagnosticDescriptor MIG3006_ProcessStartNeedsShell = Rule(
        RuleIds.ProcessStartNeedsShell,
        "Process.Start with a URL or document needs UseShellExecute = true",
        "On {1}, Process.Start does not use the shell by default, so opening {0} throws Win32Exception; set UseShellExecute = true",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        "ProcessStartInfo.UseShellExecute defaults to true on .NET Framework and to false on .NET Core and .NET 5+. Without the shell, Process.Start can only run executables: a URL, a document or a folder is not opened but throws Win32Exception.");

    public static readonly DiagnosticDescriptor MIG3007_CodePageNeedsProvider = Rule(
        RuleIds.CodePageNeedsProvider,
        "Encoding needs CodePagesEncodingProvider on .NET Core and .NET 5+",
        "On {1}, encoding {0} is only available after Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); without it GetEncoding throws",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        ".NET Core ships only the Unicode encodings, ASCII and Latin-1. Windows code pages such as 1252, 437 or Shift-JIS need CodePagesEncodingProvider to be registered once at startup; until then Encoding.GetEncoding throws NotSupportedException or ArgumentException.");

    public static readonly DiagnosticDescriptor MIG3008_CultureSensitiveStringComparison = Rule(
        RuleIds.CultureSensitiveStringComparison,
        "Culture-sensitive string search or comparison changed with ICU on .NET 5+",
        "On {1}, '{0}' compares with the current culture through ICU and can return other results than on .NET Framework; pass a StringComparison",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Info,
        "From .NET 5, culture-sensitive string operations use ICU on every operating system, including Windows. IndexOf, StartsWith, EndsWith and Compare without a StringComparison can then give different answers: \\n and \\0 are ignorable, so \"a\\r\\nb\".IndexOf(\"\\n\") returns -1.");

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
