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

    public static readonly DiagnosticDescriptor MIG1002_DownDoesNotUndoUp = Rule(
        RuleIds.DownDoesNotUndoUp,
        "Down does not undo Up",
        "Down of migration '{0}' does not mirror Up: {1}",
        RuleCategories.Reversibility,
        DiagnosticSeverity.Warning,
        "An operation of Up is never reversed in Down, or Down reverses something Up never did, so a rollback leaves the schema different from before the migration.");

    public static readonly DiagnosticDescriptor MIG1003_AutoReversingMigrationCannotReverse = Rule(
        RuleIds.AutoReversingMigrationCannotReverse,
        "AutoReversingMigration uses expressions FluentMigrator cannot reverse",
        "Migration '{0}' is an AutoReversingMigration but uses {1}, which FluentMigrator cannot reverse: rolling it back throws NotSupportedException",
        RuleCategories.Reversibility,
        DiagnosticSeverity.Warning,
        "FluentMigrator derives Down from Up only for expressions whose Reverse() is implemented; any other expression makes the rollback fail at run time.");

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
