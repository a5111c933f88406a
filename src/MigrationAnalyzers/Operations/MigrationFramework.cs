namespace MigrationAnalyzers.Operations;

public enum MigrationFramework
{
    EntityFrameworkCore,
    FluentMigrator,
}

/// <summary>How a migration is rolled back.</summary>
public enum MigrationStyle
{
    /// <summary>Up and Down written by hand (EF Core <c>Migration</c>, FluentMigrator <c>Migration</c> and <c>IMigration</c>).</summary>
    Explicit,

    /// <summary>FluentMigrator <c>AutoReversingMigration</c>: Down is derived from Up at run time.</summary>
    AutoReversing,

    /// <summary>FluentMigrator <c>ForwardOnlyMigration</c>: rolling back is declared impossible.</summary>
    ForwardOnly,
}
