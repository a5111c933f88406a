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
