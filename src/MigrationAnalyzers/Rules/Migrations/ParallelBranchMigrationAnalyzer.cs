using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1182 (EF Core): a migration was written on a branch that a later migration (by ID) did not have, and the two were
/// merged: the later migration's Designer model lacks a table or column this one adds, and the model after it has it
/// again (see <see cref="BranchGaps"/>). EF Core orders migrations by ID on a new database, but <c>database update</c>
/// applies every migration a database lacks: where the later migration shipped before this one was merged, this one runs
/// after it. Both orders happen in production, so both must give the same schema and data.
/// Reported on the earlier migration, once, naming the first later migration written without it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParallelBranchMigrationAnalyzer : MigrationRuleAnalyzer<ParallelBranchMigrationAnalyzer.Facts>
{
    public ParallelBranchMigrationAnalyzer()
        : base(MIG1182_ParallelBranchMigration)
    {
    }

    protected override Facts? ResolveOnce(Compilation compilation, MigrationCatalog catalog)
        => catalog.Symbols.HasEntityFrameworkCore ? new Facts(compilation, catalog) : null;

    protected override void AnalyzeMigration(MigrationRuleContext context, Facts facts)
    {
        var migration = context.Migration;
        if (migration.Framework != MigrationFramework.EntityFrameworkCore
            || migration.DbContext is not { } dbContext
            || migration.TargetModelDeclaration is null
            || migration.Id is not { } id
            || !facts.GapsOf(dbContext).TryGetValue(id, out var gap))
        {
            return;
        }

        context.Report(MIG1182_ParallelBranchMigration, migration.Location, id, gap.Without, gap.Missing);
    }

    /// <summary>
    /// The branch gaps of each context, found on first use and kept for every compilation of the same source (the IDE
    /// makes a new one for each document it analyses): by migration ID, the later migration written without it and what
    /// it lacks, as text, so nothing holds a symbol.
    /// </summary>
    public sealed class Facts
    {
        private readonly Compilation _compilation;
        private readonly MigrationCatalog _catalog;
        private readonly SameContentCache _shared;
        // Per compilation, not in the shared cache beside the answer: a pass holds this compilation's migrations, and the
        // shared cache outlives the compilation (SameContentCacheTests checks no compilation is kept).
        private readonly ConcurrentDictionary<string, SharedPass<MigrationInfo>> _designerPasses = new ConcurrentDictionary<string, SharedPass<MigrationInfo>>(StringComparer.Ordinal);

        internal Facts(Compilation compilation, MigrationCatalog catalog)
        {
            _compilation = compilation;
            _catalog = catalog;
            _shared = SameContentCache.For(compilation);
        }

        internal Dictionary<string, (string Without, string Missing)> GapsOf(INamedTypeSymbol context)
        {
            var key = "branch-gaps|" + context.ToDisplayString();
            if (_shared.TryGet<Dictionary<string, (string, string)>>(key, out var known))
            {
                return known;
            }

            // The threads that ask first read the context's Designer models between them, each with a memo of its own
            // (a model is the same whichever memo read it); then one finds the gaps.
            var memo = new EntityBlockMemo();
            _designerPasses.GetOrAdd(key, _ => new SharedPass<MigrationInfo>(_catalog.All)).Run(migration =>
            {
                if (IsOf(migration, context))
                {
                    TargetModel.Of(migration, memo);
                }
            });

            return _shared.GetOrAdd(key, () => Find(context));
        }

        private static bool IsOf(MigrationInfo migration, INamedTypeSymbol context)
            => migration.Framework == MigrationFramework.EntityFrameworkCore
               && SymbolEqualityComparer.Default.Equals(migration.DbContext, context)
               && migration.Id is not null;

        private Dictionary<string, (string Without, string Missing)> Find(INamedTypeSymbol context)
        {
            var history = new List<MigrationInfo>();
            foreach (var migration in _catalog.All)
            {
                if (IsOf(migration, context))
                {
                    history.Add(migration);
                }
            }

            // EF Core's order: the whole ID, ordinal. Two migrations with one ID (MIG1100) leave the order unknown.
            var gaps = new Dictionary<string, (string Without, string Missing)>(StringComparer.Ordinal);
            history.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            for (var i = 1; i < history.Count; i++)
            {
                if (string.Equals(history[i - 1].Id, history[i].Id, StringComparison.Ordinal))
                {
                    return gaps;
                }
            }

            var snapshot = ModelSnapshots.For(_compilation).BuildModelOf(context) is { } buildModel ? TargetModel.Of(buildModel) : null;
            foreach (var pair in BranchGaps.Find(history, snapshot))
            {
                gaps[pair.Key.Id!] = (pair.Value.Without.Id ?? pair.Value.Without.Name, pair.Value.Missing.Display());
            }

            return gaps;
        }
    }
}
