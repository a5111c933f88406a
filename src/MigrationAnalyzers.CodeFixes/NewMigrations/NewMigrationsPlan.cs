using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>
/// What a multi-migration fix does: edits to the original migration (a null replacement removes a statement)
/// and the migrations it adds directly after it, in order.
/// </summary>
internal sealed class NewMigrationsPlan
{
    public NewMigrationsPlan(MigrationInfo original, IReadOnlyDictionary<StatementSyntax, StatementSyntax?> edits, IReadOnlyList<NewMigration> migrations)
    {
        Original = original;
        Edits = edits;
        Migrations = migrations;
    }

    public MigrationInfo Original { get; }

    public IReadOnlyDictionary<StatementSyntax, StatementSyntax?> Edits { get; }

    public IReadOnlyList<NewMigration> Migrations { get; }

    public Task<Solution> InSameFileAsync(Document document, CancellationToken cancellationToken)
        => NewMigrationWriter.InSameFileAsync(document, Original, Edits, Migrations, cancellationToken);

    public Task<Solution> InNewFilesAsync(Document document, CancellationToken cancellationToken)
        => NewMigrationWriter.InNewFilesAsync(document, Original, Edits, Migrations, cancellationToken);
}
