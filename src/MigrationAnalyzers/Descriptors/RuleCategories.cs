namespace MigrationAnalyzers.Descriptors;

/// <summary>Diagnostic categories; the category is also the name used by presets and `dotnet_analyzer_diagnostic.category-*` settings.</summary>
public static class RuleCategories
{
    public const string Reversibility = "MigrationReversibility";
    public const string SchemaSafety = "MigrationSafety";
    public const string MigrationHistory = "MigrationHistory";
    public const string ApiMigration = "ApiMigration";
    public const string FrameworkUpgrade = "FrameworkUpgrade";
    public const string Configuration = "Configuration";
}
