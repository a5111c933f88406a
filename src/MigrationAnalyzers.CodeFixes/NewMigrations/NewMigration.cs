using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>A migration a fix adds after an existing one: its identity and the statements of Up and Down.</summary>
internal sealed class NewMigration
{
    public NewMigration(NewMigrationId id, IReadOnlyList<StatementSyntax> up, IReadOnlyList<StatementSyntax>? down)
    {
        Id = id;
        Up = up;
        Down = down;
    }

    public NewMigrationId Id { get; }

    /// <summary>Statements of Up, with their trivia (moved statements keep their comments and layout).</summary>
    public IReadOnlyList<StatementSyntax> Up { get; }

    /// <summary>Statements of Down; null when the new migration has no Down (the original has none either).</summary>
    public IReadOnlyList<StatementSyntax>? Down { get; }
}
