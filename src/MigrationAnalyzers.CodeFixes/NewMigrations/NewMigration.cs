using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>A migration a fix adds after an existing one: its identity and the statements of Up and Down.</summary>
internal sealed class NewMigration
{
    public NewMigration(
        NewMigrationId id,
        IReadOnlyList<StatementSyntax> up,
        IReadOnlyList<StatementSyntax>? down,
        string? downComment = null,
        OwnTargetModel? targetModel = null,
        bool withoutTransaction = false)
    {
        Id = id;
        WithoutTransaction = withoutTransaction;
        Up = up;
        Down = down;
        DownComment = downComment;
        TargetModel = targetModel;
    }

    public NewMigrationId Id { get; }

    /// <summary>Statements of Up, with their trivia (moved statements keep their comments and layout).</summary>
    public IReadOnlyList<StatementSyntax> Up { get; }

    /// <summary>Statements of Down; null when the new migration has no Down (the original has none either).</summary>
    public IReadOnlyList<StatementSyntax>? Down { get; }

    /// <summary>Why Down does nothing, written into an empty Down so that the reader sees it is on purpose.</summary>
    public string? DownComment { get; }

    /// <summary>
    /// EF Core: the model after this migration when it differs from the original's (null: the new migration reuses
    /// the original's target model, the schema being the same after both).
    /// </summary>
    public OwnTargetModel? TargetModel { get; }

    /// <summary>
    /// FluentMigrator: the new migration runs without a transaction (<c>TransactionBehavior.None</c>), as its SQL
    /// commits by itself; it does anyway when the original does.
    /// </summary>
    public bool WithoutTransaction { get; }
}

/// <summary>A <c>BuildTargetModel</c> of the new migration's own, and the comment that says how it differs from the original's.</summary>
internal sealed class OwnTargetModel
{
    public OwnTargetModel(MethodDeclarationSyntax buildTargetModel, string comment)
    {
        BuildTargetModel = buildTargetModel;
        Comment = comment;
    }

    /// <summary>The original's Designer method, rewritten.</summary>
    public MethodDeclarationSyntax BuildTargetModel { get; }

    public string Comment { get; }
}
