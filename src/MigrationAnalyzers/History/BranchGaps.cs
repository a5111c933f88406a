using System;
using System.Collections.Generic;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.History;

/// <summary>
/// Traces of two branches in an EF Core history, read from the Designer models of a context's migrations in EF Core's
/// order (by ID) and the model snapshot after them. Each Designer is the model <c>migrations add</c> had on the branch
/// the migration was written on. A table or column that migration A added, that the Designer models of later migrations
/// B… lack, and that the model after them has again — with no B dropping it and nothing after them adding it again —
/// was never missing from the application: B was written on a branch that did not have A, and the two were merged.
/// Designers and the snapshot are read from syntax; an Up is read only for a migration already under suspicion.
/// </summary>
internal static class BranchGaps
{
    /// <summary>Longest run of migrations on the other branch that is followed; a longer gap is not judged.</summary>
    private const int MaxGap = 20;

    /// <summary>
    /// For each migration A whose change a later branch lacked: the first migration B written without it and the
    /// table or column that shows it. Empty when the context's IDs clash, or when fewer than three models are known.
    /// </summary>
    public static Dictionary<MigrationInfo, (MigrationInfo Without, ModelDifference Missing)> Find(IReadOnlyList<MigrationInfo> history, TargetModel? snapshot)
    {
        var found = new Dictionary<MigrationInfo, (MigrationInfo, ModelDifference)>();
        var chain = new List<(MigrationInfo? Migration, TargetModel Model)>();
        var memo = new EntityBlockMemo();
        foreach (var migration in history)
        {
            if (TargetModel.Of(migration, memo) is { Tables.Count: > 0 } model)
            {
                chain.Add((migration, model));
            }
        }

        if (snapshot is { Tables.Count: > 0 })
        {
            chain.Add((null, snapshot));
        }

        for (var j = 2; j < chain.Count; j++)
        {
            if (chain[j].Migration is not { } without)
            {
                break;
            }

            foreach (var missing in Missing(chain[j - 1].Model, chain[j].Model))
            {
                if (Returns(chain, j, missing) is not { } back
                    || AddedBy(chain, j, missing) is not { } added
                    || found.ContainsKey(added)
                    || Touches(history, chain, j, back, missing))
                {
                    continue;
                }

                found[added] = (without, missing);
            }
        }

        return found;
    }

    /// <summary>The tables <paramref name="before"/> maps and <paramref name="after"/> does not, and the columns of the tables both map.</summary>
    private static List<ModelDifference> Missing(TargetModel before, TargetModel after) => ModelDifference.OnlyIn(before, after);

    /// <summary>The index of the first model after <paramref name="j"/> that maps <paramref name="missing"/> again, within <see cref="MaxGap"/>.</summary>
    private static int? Returns(List<(MigrationInfo? Migration, TargetModel Model)> chain, int j, ModelDifference missing)
    {
        for (var k = j + 1; k < chain.Count && k <= j + MaxGap; k++)
        {
            if (missing.StateIn(chain[k].Model) == 1)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>
    /// The migration whose Designer first mapped <paramref name="missing"/>, walking back from the one before the gap;
    /// null when the first known model already maps it (a branch cannot lack what the history started with).
    /// </summary>
    private static MigrationInfo? AddedBy(List<(MigrationInfo? Migration, TargetModel Model)> chain, int j, ModelDifference missing)
    {
        for (var i = j - 1; i >= 1; i--)
        {
            if (missing.StateIn(chain[i - 1].Model) != 1)
            {
                return chain[i].Migration;
            }
        }

        return null;
    }

    /// <summary>
    /// A migration of the gap creates, drops or renames the table or column, or the one after the gap adds it, or any
    /// of them runs SQL or code not read here: the gap may be real, so nothing is said. The gap is every migration of
    /// the history from the first one without the change to the one that has it again, also those without a Designer
    /// model of their own (hand-written ones, or data split off into a migration of its own, whose SQL still runs there).
    /// </summary>
    private static bool Touches(IReadOnlyList<MigrationInfo> history, List<(MigrationInfo? Migration, TargetModel Model)> chain, int j, int back, ModelDifference missing)
    {
        var first = IndexOf(history, chain[j].Migration!);
        var last = chain[back].Migration is { } returning ? IndexOf(history, returning) : history.Count - 1;
        for (var k = first; k <= last; k++)
        {
            var migration = history[k];
            foreach (var operation in migration.Up.Operations)
            {
                if (operation.Kind is MigrationOperationKind.Sql or MigrationOperationKind.OpaqueScript or MigrationOperationKind.Unknown)
                {
                    return true;
                }

                if (operation.Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable or MigrationOperationKind.RenameTable
                    && (Same(operation.Table, missing.Table) || Same(operation.NewName, missing.Table)))
                {
                    return true;
                }

                // A column of the table: for a missing table any, for a missing column that one.
                if (operation.Kind is MigrationOperationKind.AddColumn or MigrationOperationKind.DropColumn or MigrationOperationKind.RenameColumn
                    && Same(operation.Table, missing.Table)
                    && (missing.Column is null || Same(operation.Name, missing.Column) || Same(operation.NewName, missing.Column)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int IndexOf(IReadOnlyList<MigrationInfo> history, MigrationInfo migration)
    {
        for (var i = 0; i < history.Count; i++)
        {
            if (ReferenceEquals(history[i], migration))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Same(string? name, string wanted)
        => name is not null && string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase);
}
