namespace MigrationAnalyzers.Databases;

/// <summary>What decided a migration's target database, strongest first.</summary>
public enum TargetEvidence
{
    /// <summary>Nothing decided it: the database is unknown.</summary>
    None,

    /// <summary><c>migration_analyzers.target_database</c> for the file.</summary>
    Setting,

    /// <summary>The migration's own Up and Down: provider annotations, store types, SQL quoting.</summary>
    Operations,

    /// <summary>The other migrations of the same folder or history: a history targets one database.</summary>
    History,

    /// <summary>The Designer's target model (weaker: a model shared across providers carries every provider's annotations).</summary>
    Designer,

    /// <summary>FluentMigrator <c>IfDatabase(…)</c> blocks that all name one database.</summary>
    DatabaseCondition,

    /// <summary>The only provider package the compilation references.</summary>
    Reference,
}
