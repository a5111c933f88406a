using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// How MIG1020's fix splits a migration: which statements of Up and Down move to the new data migration.
/// Planned only when the split provably keeps the meaning (see <see cref="TryPlan"/>); otherwise the fix is not offered.
/// </summary>
internal static class SchemaDataSplit
{
    /// <summary>The split: the moved statements are removed from the original and make up the one new migration.</summary>
    public static NewMigrationsPlan? TryPlan(Compilation compilation, INamedTypeSymbol type, bool seedDataMoves, CancellationToken cancellationToken)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { } migration)
        {
            return null;
        }

        var mix = SchemaAndDataMix.Read(migration, seedDataMoves);
        if (!mix.IsMixed)
        {
            return null;
        }

        // The rule asked the same question to say in its message why there is no fix.
        var split = SchemaDataSplitability.Of(migration, mix, seedDataMoves, catalog, compilation, cancellationToken);
        if (split.WhyNoFix is not null
            || NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Data" }, compilation) is not { Count: 1 } ids)
        {
            return null;
        }

        var edits = new Dictionary<StatementSyntax, StatementSyntax?>();
        foreach (var statement in split.UpMoves)
        {
            edits[statement] = null;
        }

        var movedFromDown = migration.Down.Operations.IsEmpty ? new List<StatementSyntax>() : split.DownMoves ?? new List<StatementSyntax>();
        foreach (var statement in movedFromDown)
        {
            edits[statement] = null;
        }

        return new NewMigrationsPlan(migration, edits, new[] { new NewMigration(ids[0], split.UpMoves, split.DownMoves) });
    }
}
