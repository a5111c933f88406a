using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1181 (EF Core): the model snapshot of a context is out of step with the Designer model of the context's last
/// migration. <c>migrations add</c> writes both from one model, so they agree; they differ when the snapshot was edited
/// by hand, when a merge kept the other branch's snapshot, or when a migration was written without <c>migrations add</c>.
/// The next <c>migrations add</c> compares the application with the snapshot, so it scaffolds again what the snapshot
/// lacks and never creates what the snapshot has but no migration made.
/// Compared: tables, their columns, and NULL-ability where both models state it. A difference that some earlier
/// migration of the context made (its Designer changed the table or column that way) is what a merge of two branches
/// leaves when the snapshot kept both sides, as EF Core's documentation advises: that is not reported.
/// Reported once per context, on the last migration, since the snapshot file is generated code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SnapshotOutOfStepAnalyzer : MigrationRuleAnalyzer<SnapshotOutOfStepAnalyzer.Facts>
{
    public SnapshotOutOfStepAnalyzer()
        : base(MIG1181_SnapshotOutOfStep)
    {
    }

    protected override Facts? ResolveOnce(Compilation compilation, MigrationCatalog catalog)
    {
        return catalog.Symbols.HasEntityFrameworkCore && compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot") is not null
            ? new Facts(compilation, catalog)
            : null;
    }

    protected override void AnalyzeMigration(MigrationRuleContext context, Facts facts)
    {
        var migration = context.Migration;
        if (migration.Framework != MigrationFramework.EntityFrameworkCore
            || migration.DbContext is not { } dbContext
            || migration.TargetModelDeclaration is null
            || !facts.IsLastOfItsContext(migration)
            || facts.Snapshots.BuildModelOf(dbContext) is not { } buildModel)
        {
            return;
        }

        var snapshot = TargetModel.Of(buildModel);
        var designer = TargetModel.Of(migration);

        // A model with no table is not one EF Core wrote for this history (an empty hand-made Designer, a snapshot
        // written in a way not read here): nothing to compare.
        if (designer is null || snapshot.Tables.Count == 0 || designer.Tables.Count == 0)
        {
            return;
        }

        var differences = ModelDifference.Between(snapshot, designer);
        if (differences.Count == 0)
        {
            return;
        }

        var history = facts.DesignerModelsBefore(migration);
        var unexplained = differences.FindAll(difference => !MadeByAnEarlierMigration(difference, snapshot, history));
        if (unexplained.Count == 0)
        {
            return;
        }

        var first = unexplained[0];
        var more = unexplained.Count == 1 ? string.Empty : " (and " + (unexplained.Count - 1) + " more difference" + (unexplained.Count == 2 ? string.Empty : "s") + ")";
        context.Report(
            MIG1181_SnapshotOutOfStep,
            migration.Location,
            buildModel.Parent is ClassDeclarationSyntax snapshotClass ? snapshotClass.Identifier.ValueText : dbContext.Name + "ModelSnapshot",
            migration.Id ?? migration.Name,
            Describe(first, snapshot) + more);
    }

    /// <summary>
    /// Some earlier migration's Designer says of the table or column what the snapshot says, and its predecessor said
    /// otherwise: that migration made the change, on a branch the last migration was not written on.
    /// </summary>
    private static bool MadeByAnEarlierMigration(ModelDifference difference, TargetModel snapshot, List<TargetModel> history)
    {
        var wanted = difference.StateIn(snapshot);
        var before = difference.StateIn(null);
        foreach (var model in history)
        {
            var state = difference.StateIn(model);
            if (state == wanted && before != wanted)
            {
                return true;
            }

            before = state;
        }

        return false;
    }

    private static string Describe(ModelDifference difference, TargetModel snapshot)
        => difference.Kind switch
        {
            DifferenceKind.OnlyInFirst => difference.Display() + " is in the snapshot but not in the migration's model, and no migration adds it: the next 'migrations add' will not create it either",
            DifferenceKind.OnlyInSecond => difference.Display() + " is in the migration's model but not in the snapshot: the next 'migrations add' adds it again while the application maps it, and never drops it once it does not",
            _ => difference.Display() + (difference.StateIn(snapshot) == 1 ? " allows NULL in the snapshot but is NOT NULL" : " is NOT NULL in the snapshot but allows NULL") + " in the migration's model: the next 'migrations add' starts from the snapshot's nullability",
        };

    /// <summary>What the rule resolves once per compilation: the snapshots and, per context, the last migration.</summary>
    public sealed class Facts
    {
        private readonly MigrationCatalog _catalog;
        private readonly Lazy<ModelSnapshots> _snapshots;
        private readonly Lazy<Dictionary<string, string?>> _last;
        private readonly SameContentCache _shared;

        internal Facts(Compilation compilation, MigrationCatalog catalog)
        {
            _catalog = catalog;
            _snapshots = new Lazy<ModelSnapshots>(() => ModelSnapshots.For(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            // Kept for every compilation of the same source, as IDs and syntax-read models: the IDE makes a new
            // compilation for each document, and these read the whole history.
            _shared = SameContentCache.For(compilation);
            _last = new Lazy<Dictionary<string, string?>>(
                () => _shared.GetOrAdd("snapshot-out-of-step|last-ids", () => LastByContext(catalog)),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        internal ModelSnapshots Snapshots => _snapshots.Value;

        /// <summary>No migration of its context sorts after it, as EF Core sorts them (by the whole ID, ordinal).</summary>
        public bool IsLastOfItsContext(MigrationInfo migration)
            => migration.DbContext is { } context && migration.Id is { } id
               && _last.Value.TryGetValue(context.ToDisplayString(), out var last) && string.Equals(last, id, StringComparison.Ordinal);

        /// <summary>The Designer models of the migrations of the same context before <paramref name="migration"/>, oldest first.</summary>
        internal List<TargetModel> DesignerModelsBefore(MigrationInfo migration)
            => _shared.GetOrAdd(
                "snapshot-out-of-step|models-before|" + migration.DbContext?.ToDisplayString() + "|" + (migration.Id ?? migration.Symbol.ToDisplayString()),
                () => ReadDesignerModelsBefore(migration));

        private List<TargetModel> ReadDesignerModelsBefore(MigrationInfo migration)
        {
            var models = new List<TargetModel>();
            foreach (var earlier in _catalog.Earlier(migration))
            {
                if (earlier.Framework == MigrationFramework.EntityFrameworkCore
                    && SymbolEqualityComparer.Default.Equals(earlier.DbContext, migration.DbContext)
                    && TargetModel.Of(earlier) is { } model)
                {
                    models.Add(model);
                }
            }

            return models;
        }

        /// <summary>The last migration ID of each context, by the context's name; null for a context whose last ID is shared (MIG1100 reports that), so none is compared.</summary>
        private static Dictionary<string, string?> LastByContext(MigrationCatalog catalog)
        {
            var newest = new Dictionary<string, (string Id, bool Shared)>(StringComparer.Ordinal);
            foreach (var migration in catalog.All)
            {
                if (migration.Framework != MigrationFramework.EntityFrameworkCore || migration.DbContext is not { } context || migration.Id is not { } id)
                {
                    continue;
                }

                var name = context.ToDisplayString();
                if (!newest.TryGetValue(name, out var current) || string.CompareOrdinal(id, current.Id) > 0)
                {
                    newest[name] = (id, false);
                }
                else if (string.CompareOrdinal(id, current.Id) == 0)
                {
                    newest[name] = (id, true);
                }
            }

            var last = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var pair in newest)
            {
                last[pair.Key] = pair.Value.Shared ? null : pair.Value.Id;
            }

            return last;
        }
    }
}
