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

    public static readonly DiagnosticDescriptor MIG1020_SchemaAndDataInOneMigration = Rule(
        RuleIds.SchemaAndDataInOneMigration,
        "Schema and data changes in one migration",
        "Migration '{0}' changes the schema and the data ({1}); move the data changes into a migration of their own",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "A migration that changes both the schema and the rows holds locks for as long as the data change runs, cannot be retried in parts, and ties a slow, data-dependent step to a fast, predictable one. Keep data changes in a migration of their own.");

    public static readonly DiagnosticDescriptor MIG9001_InvalidSetting = Rule(
        RuleIds.InvalidSetting,
        "Invalid MigrationAnalyzers setting",
        "Setting '{0}' has invalid value '{1}': {2}; the default is used",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        "A MigrationAnalyzers option in .editorconfig or a global config could not be read; the rule falls back to its default.");

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
