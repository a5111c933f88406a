namespace MigrationAnalyzers.Model;

/// <summary>What one migration operation does, the same for EF Core and FluentMigrator.</summary>
public enum OperationKind
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
    public static bool IsData(this OperationKind kind)
        => kind is OperationKind.InsertData or OperationKind.UpdateData or OperationKind.DeleteData;

    public static bool IsSchema(this OperationKind kind)
        => kind is not (OperationKind.Unknown or OperationKind.Sql or OperationKind.OpaqueScript) && !kind.IsData();
}
