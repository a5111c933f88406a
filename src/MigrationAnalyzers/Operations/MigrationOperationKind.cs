namespace MigrationAnalyzers.Operations;

/// <summary>What one migration operation does, the same for EF Core and FluentMigrator.</summary>
public enum MigrationOperationKind
{
    Unknown,

    CreateTable,
    DropTable,
    RenameTable,
    AlterTable,

    AddColumn,
    DropColumn,
    RenameColumn,
    AlterColumn,

    CreateIndex,
    DropIndex,
    RenameIndex,

    AddPrimaryKey,
    DropPrimaryKey,
    AddForeignKey,
    DropForeignKey,
    AddUniqueConstraint,
    DropUniqueConstraint,
    AddCheckConstraint,
    DropCheckConstraint,

    EnsureSchema,
    DropSchema,
    CreateSequence,
    DropSequence,
    AlterSequence,
    RenameSequence,
    RestartSequence,

    AlterDatabase,

    InsertData,
    UpdateData,
    DeleteData,

    /// <summary>Raw SQL (EF Core <c>Sql</c>, FluentMigrator <c>Execute.Sql</c>).</summary>
    Sql,

    /// <summary>SQL or code the analyzers cannot see into (FluentMigrator <c>Execute.Script</c>, <c>Execute.WithConnection</c>).</summary>
    OpaqueScript,
}

public static class OperationKindFacts
{
    /// <summary>Data operations change rows, not the schema.</summary>
    public static bool IsData(this MigrationOperationKind kind)
        => kind is MigrationOperationKind.InsertData or MigrationOperationKind.UpdateData or MigrationOperationKind.DeleteData;

    public static bool IsSchema(this MigrationOperationKind kind)
        => kind is not (MigrationOperationKind.Unknown or MigrationOperationKind.Sql or MigrationOperationKind.OpaqueScript) && !kind.IsData();
}
