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
