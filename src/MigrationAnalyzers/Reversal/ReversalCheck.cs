using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Reversal;

/// <summary>
/// Compares Up with a hand-written Down: which Up operations Down never reverses, and which Down operations reverse
/// something Up never did. Each operation is reduced to a signature (<c>DropColumn|users|email</c>); an Up operation
/// is reversed when Down holds the signature of its inverse. Only answers when both bodies are fully understood.
/// </summary>
public sealed class ReversalCheck
{
    private ReversalCheck(
        ImmutableArray<int> unreversed,
        ImmutableArray<MigrationOperation> unexplained,
        ImmutableArray<(int UpIndex, MigrationOperation DownOperation)> misnamed)
    {
        UnreversedUpOperations = unreversed;
        UnexplainedDownOperations = unexplained;
        MisnamedInverses = misnamed;
    }

    /// <summary>Indexes into Up's operations of the ones Down never reverses (those in <see cref="MisnamedInverses"/> excluded).</summary>
    public ImmutableArray<int> UnreversedUpOperations { get; }

    /// <summary>Down operations that undo nothing Up did (those in <see cref="MisnamedInverses"/> excluded).</summary>
    public ImmutableArray<MigrationOperation> UnexplainedDownOperations { get; }

    /// <summary>
    /// An Up operation whose inverse in Down names another object on the same table: Up adds <c>ShippingAddres</c>,
    /// Down drops <c>ShippingAddress</c>. One finding, not a missing inverse plus a stray one.
    /// </summary>
    public ImmutableArray<(int UpIndex, MigrationOperation DownOperation)> MisnamedInverses { get; }

    /// <summary>Null when either body holds something not understood (raw SQL, helper calls, unnamed objects): no verdict then.</summary>
    public static ReversalCheck? Run(MigrationInfo migration)
    {
        var up = migration.Up;
        var down = migration.Down;
        if (!up.HasContent || !down.HasContent || down.Throws || !up.UnrecognizedStatements.IsEmpty || !down.UnrecognizedStatements.IsEmpty)
        {
            return null;
        }

        var expected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var createdHere = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inverses = new string?[up.Operations.Length];
        for (var i = 0; i < up.Operations.Length; i++)
        {
            var operation = up.Operations[i];

            // SET LOCAL lock_timeout (MIG1193's fix) and the like change nothing: no inverse is expected.
            if (operation.OnlySetsTimeouts())
            {
                continue;
            }

            if (!IsUnderstood(operation))
            {
                return null;
            }

            // Pomelo's NULL backfill belongs to the NOT NULL change; Down making the column nullable again undoes both.
            if (GeneratedBackfill.Is(up, operation))
            {
                continue;
            }

            if (InverseSignature(operation) is not { } inverse)
            {
                return null;
            }

            // A RenameTable to the same name and schema does nothing: Down may move it back or not.
            inverses[i] = ChangesNothing(operation) ? null : inverse;
            expected.Add(inverse);
            foreach (var constraint in operation.Constraints)
            {
                if (InverseSignature(constraint) is { } constraintInverse)
                {
                    expected.Add(constraintInverse);
                }
            }

            TrackCreatedTable(operation, createdHere);
        }

        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var createdByDown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unexplained = new List<MigrationOperation>();
        foreach (var operation in down.Operations)
        {
            if (operation.OnlySetsTimeouts())
            {
                continue;
            }

            if (!IsUnderstood(operation) || Signature(operation) is not { } signature)
            {
                return null;
            }

            present.Add(signature);

            // Down may tidy up what Up created inside a new table (its keys, indexes), and a table Down re-creates
            // (the one Up dropped) comes back with its indexes and keys: neither is a mismatch.
            if (!expected.Contains(signature) && operation.Table is not null
                && !createdHere.Contains(operation.Table) && !createdByDown.Contains(operation.Table)
                && !(operation.Kind == MigrationOperationKind.AddForeignKey && operation.PrincipalTable is { } principal && createdByDown.Contains(principal)))
            {
                unexplained.Add(operation);
            }

            TrackCreatedTable(operation, createdByDown);
        }

        var unreversed = ImmutableArray.CreateBuilder<int>();
        var created = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < up.Operations.Length; i++)
        {
            var operation = up.Operations[i];
            var coveredByTableDrop = operation.Table is not null && created.Contains(operation.Table) && operation.Kind != MigrationOperationKind.RenameTable;

            // EF Core's scaffolder never drops a schema in Down (other objects may live in it): not a mismatch.
            var keptOnPurpose = operation.Kind == MigrationOperationKind.EnsureSchema;
            if (inverses[i] is { } inverse && !coveredByTableDrop && !keptOnPurpose && !present.Contains(inverse))
            {
                unreversed.Add(i);
            }

            TrackCreatedTable(operation, created);
        }

        var misnamed = PairMisnamed(up, unreversed, unexplained);
        return new ReversalCheck(unreversed.ToImmutable(), unexplained.ToImmutableArray(), misnamed);
    }

    /// <summary>
    /// Pairs each unreversed Up operation with a stray Down operation of its inverse kind on the same table (the most
    /// similar name first), and takes both out of their lists.
    /// </summary>
    private static ImmutableArray<(int UpIndex, MigrationOperation DownOperation)> PairMisnamed(
        MigrationBody up,
        ImmutableArray<int>.Builder unreversed,
        List<MigrationOperation> unexplained)
    {
        var pairs = ImmutableArray.CreateBuilder<(int, MigrationOperation)>();
        for (var i = 0; i < unreversed.Count; i++)
        {
            var operation = up.Operations[unreversed[i]];
            if (operation.Table is null || operation.Name is null || !HasNamedInverse(operation.Kind))
            {
                continue;
            }

            MigrationOperation? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in unexplained)
            {
                if (candidate.Kind != InverseKind(operation.Kind)
                    || candidate.Name is null
                    || !string.Equals(candidate.Table, operation.Table, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var distance = EditDistance(operation.Name.ToUpperInvariant(), candidate.Name.ToUpperInvariant());
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            if (best is not null)
            {
                pairs.Add((unreversed[i], best));
                unexplained.Remove(best);
                unreversed.RemoveAt(i);
                i--;
            }
        }

        return pairs.ToImmutable();
    }

    // Column and index operations name one object of a table: a different name there is a mistyped inverse.
    private static bool HasNamedInverse(MigrationOperationKind kind)
        => kind is MigrationOperationKind.AddColumn or MigrationOperationKind.DropColumn or MigrationOperationKind.CreateIndex or MigrationOperationKind.DropIndex;

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool ChangesNothing(MigrationOperation operation)
        => operation.Kind == MigrationOperationKind.RenameTable
           && operation.Table is not null
           && string.Equals(operation.Table, operation.NewName, StringComparison.Ordinal)
           && string.Equals(operation.Schema, operation.NewSchema, StringComparison.Ordinal);

    /// <summary>Adds the table <paramref name="operation"/> creates, or the new name of a table created here and renamed, to <paramref name="created"/>.</summary>
    private static void TrackCreatedTable(MigrationOperation operation, HashSet<string> created)
    {
        if (operation.Kind == MigrationOperationKind.CreateTable && operation.Table is not null)
        {
            created.Add(operation.Table);
        }
        else if (operation.Kind == MigrationOperationKind.RenameTable && operation.Table is not null && operation.NewName is not null && created.Contains(operation.Table))
        {
            created.Add(operation.NewName);
        }
    }

    private static bool IsUnderstood(MigrationOperation operation)
        => operation.Kind is not (MigrationOperationKind.Unknown or MigrationOperationKind.Sql or MigrationOperationKind.OpaqueScript or MigrationOperationKind.RestartSequence or MigrationOperationKind.AlterDatabase);

    /// <summary>What the operation does, as a comparable key; null when a name it needs is not known.</summary>
    public static string? Signature(MigrationOperation operation) => Key(operation.Kind, operation);

    /// <summary>The signature of the operation that would undo <paramref name="operation"/>.</summary>
    public static string? InverseSignature(MigrationOperation operation)
    {
        var inverse = InverseKind(operation.Kind);
        return operation.Kind switch
        {
            // A rename is undone by the rename back.
            MigrationOperationKind.RenameTable or MigrationOperationKind.RenameColumn or MigrationOperationKind.RenameIndex or MigrationOperationKind.RenameSequence
                => operation.NewName is null || operation.Name is null && operation.Kind != MigrationOperationKind.RenameTable
                    ? null
                    : Join(operation.Kind, operation.Kind == MigrationOperationKind.RenameColumn ? operation.Table : null, operation.NewName, operation.Kind == MigrationOperationKind.RenameTable ? operation.Table : operation.Name),
            _ => Key(inverse, operation),
        };
    }

    /// <summary>The kind of operation that undoes one of <paramref name="kind"/>; the kind itself for alters and renames.</summary>
    private static MigrationOperationKind InverseKind(MigrationOperationKind kind)
        => kind switch
        {
            MigrationOperationKind.CreateTable => MigrationOperationKind.DropTable,
            MigrationOperationKind.DropTable => MigrationOperationKind.CreateTable,
            MigrationOperationKind.AddColumn => MigrationOperationKind.DropColumn,
            MigrationOperationKind.DropColumn => MigrationOperationKind.AddColumn,
            MigrationOperationKind.CreateIndex => MigrationOperationKind.DropIndex,
            MigrationOperationKind.DropIndex => MigrationOperationKind.CreateIndex,
            MigrationOperationKind.AddPrimaryKey => MigrationOperationKind.DropPrimaryKey,
            MigrationOperationKind.DropPrimaryKey => MigrationOperationKind.AddPrimaryKey,
            MigrationOperationKind.AddForeignKey => MigrationOperationKind.DropForeignKey,
            MigrationOperationKind.DropForeignKey => MigrationOperationKind.AddForeignKey,
            MigrationOperationKind.AddUniqueConstraint => MigrationOperationKind.DropUniqueConstraint,
            MigrationOperationKind.DropUniqueConstraint => MigrationOperationKind.AddUniqueConstraint,
            MigrationOperationKind.AddCheckConstraint => MigrationOperationKind.DropCheckConstraint,
            MigrationOperationKind.DropCheckConstraint => MigrationOperationKind.AddCheckConstraint,
            MigrationOperationKind.EnsureSchema => MigrationOperationKind.DropSchema,
            MigrationOperationKind.DropSchema => MigrationOperationKind.EnsureSchema,
            MigrationOperationKind.CreateSequence => MigrationOperationKind.DropSequence,
            MigrationOperationKind.DropSequence => MigrationOperationKind.CreateSequence,
            MigrationOperationKind.InsertData => MigrationOperationKind.DeleteData,
            MigrationOperationKind.DeleteData => MigrationOperationKind.InsertData,
            _ => kind,
        };

    private static string? Key(MigrationOperationKind kind, MigrationOperation operation) => kind switch
    {
        MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable or MigrationOperationKind.AlterTable
            or MigrationOperationKind.InsertData or MigrationOperationKind.DeleteData or MigrationOperationKind.UpdateData
            or MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.DropPrimaryKey => Join(kind, operation.Table),
        MigrationOperationKind.AddColumn or MigrationOperationKind.DropColumn or MigrationOperationKind.AlterColumn => Join(kind, operation.Table, operation.Name),
        MigrationOperationKind.RenameTable => Join(kind, null, operation.Table, operation.NewName),
        MigrationOperationKind.RenameColumn => Join(kind, operation.Table, operation.Name, operation.NewName),
        MigrationOperationKind.RenameIndex or MigrationOperationKind.RenameSequence => Join(kind, null, operation.Name, operation.NewName),
        _ => Join(kind, operation.Name),
    };

    /// <summary>
    /// The kind's name, then each part after a bar; null when a part is missing. A key is made for every operation of
    /// every Up and Down, twice: built in one buffer, with the kind's name from a table (an enum's ToString boxes it).
    /// </summary>
    private static string? Join(MigrationOperationKind kind, params string?[] parts)
    {
        var name = KindName(kind);
        var length = name.Length;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is { } part)
            {
                length += 1 + part.Length;
            }
            else if (!(i == 0 && kind is MigrationOperationKind.RenameTable or MigrationOperationKind.RenameIndex or MigrationOperationKind.RenameSequence))
            {
                // Only the table of a column rename, or the null placeholder, may be missing.
                return null;
            }
        }

        var text = new StringBuilder(name, length);
        foreach (var part in parts)
        {
            if (part is not null)
            {
                text.Append('|').Append(part);
            }
        }

        return text.ToString();
    }

    private static string KindName(MigrationOperationKind kind)
        => (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : kind.ToString();

    private static readonly string[] KindNames = ReadKindNames();

    private static string[] ReadKindNames()
    {
        var kinds = (MigrationOperationKind[])Enum.GetValues(typeof(MigrationOperationKind));
        var names = new string[kinds.Max(kind => (int)kind) + 1];
        foreach (var kind in kinds)
        {
            names[(int)kind] = kind.ToString();
        }

        return names;
    }
}
