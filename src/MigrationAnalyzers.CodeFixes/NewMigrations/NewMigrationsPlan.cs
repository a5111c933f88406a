using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>
/// What a multi-migration fix does: edits to the original migration (a null replacement removes a statement)
/// and the migrations it adds directly after it, in order. An edited statement may be followed by further statements
/// (<see cref="Following"/>), for a fix that turns one operation into two.
/// </summary>
internal sealed class NewMigrationsPlan
{
    public NewMigrationsPlan(
        MigrationInfo original,
        IReadOnlyDictionary<StatementSyntax, StatementSyntax?> edits,
        IReadOnlyList<NewMigration> migrations,
        IReadOnlyDictionary<StatementSyntax, IReadOnlyList<StatementSyntax>>? following = null)
    {
        Original = original;
        Edits = edits;
        Migrations = migrations;
        Following = following;
    }

    public MigrationInfo Original { get; }

    public IReadOnlyDictionary<StatementSyntax, StatementSyntax?> Edits { get; }

    public IReadOnlyList<NewMigration> Migrations { get; }

    /// <summary>Statements written right after the replacement of an edited statement (by the edited statement's original).</summary>
    public IReadOnlyDictionary<StatementSyntax, IReadOnlyList<StatementSyntax>>? Following { get; }

    public Task<Solution> InSameFileAsync(Document document, CancellationToken cancellationToken)
        => NewMigrationWriter.InSameFileAsync(document, Original, Edits, Migrations, cancellationToken, Following);

    public Task<Solution> InNewFilesAsync(Document document, CancellationToken cancellationToken)
        => NewMigrationWriter.InNewFilesAsync(document, Original, Edits, Migrations, cancellationToken, Following);
}
