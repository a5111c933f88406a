using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Reversal;

/// <summary>
/// Compares Up with a hand-written Down: which Up operations Down never reverses, and which Down operations reverse
/// something Up never did. Each operation is reduced to a signature (<c>DropColumn|users|email</c>); an Up operation
/// is reversed when Down holds the signature of its inverse. Only answers when both bodies are fully understood.
/// </summary>
public sealed class ReversalCheck
{
    private ReversalCheck(ImmutableArray<int> unreversed, ImmutableArray<MigrationOperation> unexplained)
    {
        UnreversedUpOperations = unreversed;
        UnexplainedDownOperations = unexplained;
    }

    /// <summary>Indexes into Up's operations of the ones Down never reverses.</summary>
    public ImmutableArray<int> UnreversedUpOperations { get; }

    /// <summary>Down operations that undo nothing Up did.</summary>
    public ImmutableArray<MigrationOperation> UnexplainedDownOperations { get; }

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
            if (!IsUnderstood(operation) || InverseSignature(operation) is not { } inverse)
            {
                return null;
            }

            inverses[i] = inverse;
            expected.Add(inverse);
            foreach (var constraint in operation.Constraints)
            {
                if (InverseSignature(constraint) is { } constraintInverse)
                {
                    expected.Add(constraintInverse);
                }
            }

            if (operation.Kind == OperationKind.CreateTable && operation.Table is not null)
            {
                createdHere.Add(operation.Table);
            }
            else if (operation.Kind == OperationKind.RenameTable && operation.Table is not null && operation.NewName is not null && createdHere.Contains(operation.Table))
            {
                createdHere.Add(operation.NewName);
            }
        }

        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unexplained = ImmutableArray.CreateBuilder<MigrationOperation>();
        foreach (var operation in down.Operations)
        {
            if (!IsUnderstood(operation) || Signature(operation) is not { } signature)
            {
                return null;
            }

            present.Add(signature);

            // Down may tidy up what Up created inside a new table (its keys, indexes); that is not a mismatch.
            if (!expected.Contains(signature) && operation.Table is not null && !createdHere.Contains(operation.Table))
            {
                unexplained.Add(operation);
            }
        }

        var unreversed = ImmutableArray.CreateBuilder<int>();
        var created = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < up.Operations.Length; i++)
        {
            var operation = up.Operations[i];
            var coveredByTableDrop = operation.Table is not null && created.Contains(operation.Table) && operation.Kind != OperationKind.RenameTable;

            // EF Core's scaffolder never drops a schema in Down (other objects may live in it): not a mismatch.
            var keptOnPurpose = operation.Kind == OperationKind.EnsureSchema;
            if (!coveredByTableDrop && !keptOnPurpose && !present.Contains(inverses[i]!))
            {
                unreversed.Add(i);
            }

            if (operation.Kind == OperationKind.CreateTable && operation.Table is not null)
            {
                created.Add(operation.Table);
            }
            else if (operation.Kind == OperationKind.RenameTable && operation.Table is not null && operation.NewName is not null && created.Contains(operation.Table))
            {
                created.Add(operation.NewName);
            }
        }

        return new ReversalCheck(unreversed.ToImmutable(), unexplained.ToImmutable());
    }

    private static bool IsUnderstood(MigrationOperation operation)
        => operation.Kind is not (OperationKind.Unknown or OperationKind.Sql or OperationKind.OpaqueScript or OperationKind.RestartSequence or OperationKind.AlterDatabase);

    /// <summary>What the operation does, as a comparable key; null when a name it needs is not known.</summary>
    public static string? Signature(MigrationOperation operation) => Key(operation.Kind, operation);

    /// <summary>The signature of the operation that would undo <paramref name="operation"/>.</summary>
    public static string? InverseSignature(MigrationOperation operation)
    {
        var inverse = operation.Kind switch
        {
            OperationKind.CreateTable => OperationKind.DropTable,
            OperationKind.DropTable => OperationKind.CreateTable,
            OperationKind.AddColumn => OperationKind.DropColumn,
            OperationKind.DropColumn => OperationKind.AddColumn,
            OperationKind.CreateIndex => OperationKind.DropIndex,
            OperationKind.DropIndex => OperationKind.CreateIndex,
            OperationKind.AddPrimaryKey => OperationKind.DropPrimaryKey,
            OperationKind.DropPrimaryKey => OperationKind.AddPrimaryKey,
            OperationKind.AddForeignKey => OperationKind.DropForeignKey,
            OperationKind.DropForeignKey => OperationKind.AddForeignKey,
            OperationKind.AddUniqueConstraint => OperationKind.DropUniqueConstraint,
            OperationKind.DropUniqueConstraint => OperationKind.AddUniqueConstraint,
            OperationKind.AddCheckConstraint => OperationKind.DropCheckConstraint,
            OperationKind.DropCheckConstraint => OperationKind.AddCheckConstraint,
            OperationKind.EnsureSchema => OperationKind.DropSchema,
            OperationKind.DropSchema => OperationKind.EnsureSchema,
            OperationKind.CreateSequence => OperationKind.DropSequence,
            OperationKind.DropSequence => OperationKind.CreateSequence,
            OperationKind.InsertData => OperationKind.DeleteData,
            OperationKind.DeleteData => OperationKind.InsertData,
            _ => operation.Kind,
        };

        return operation.Kind switch
        {
            // A rename is undone by the rename back.
            OperationKind.RenameTable or OperationKind.RenameColumn or OperationKind.RenameIndex or OperationKind.RenameSequence
                => operation.NewName is null || operation.Name is null && operation.Kind != OperationKind.RenameTable
                    ? null
                    : Join(operation.Kind.ToString(), operation.Kind == OperationKind.RenameColumn ? operation.Table : null, operation.NewName, operation.Kind == OperationKind.RenameTable ? operation.Table : operation.Name),
            _ => Key(inverse, operation),
        };
    }

    private static string? Key(OperationKind kind, MigrationOperation operation) => kind switch
    {
        OperationKind.CreateTable or OperationKind.DropTable or OperationKind.AlterTable
            or OperationKind.InsertData or OperationKind.DeleteData or OperationKind.UpdateData
            or OperationKind.AddPrimaryKey or OperationKind.DropPrimaryKey => Join(kind.ToString(), operation.Table),
        OperationKind.AddColumn or OperationKind.DropColumn or OperationKind.AlterColumn => Join(kind.ToString(), operation.Table, operation.Name),
        OperationKind.RenameTable => Join(kind.ToString(), null, operation.Table, operation.NewName),
        OperationKind.RenameColumn => Join(kind.ToString(), operation.Table, operation.Name, operation.NewName),
        OperationKind.RenameIndex or OperationKind.RenameSequence => Join(kind.ToString(), null, operation.Name, operation.NewName),
        _ => Join(kind.ToString(), operation.Name),
    };

    private static string? Join(string kind, params string?[] parts)
    {
        var text = kind;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part is null)
            {
                // Only the table of a column rename, or the null placeholder, may be missing.
                if (kind is "RenameTable" or "RenameIndex" or "RenameSequence" && i == 0)
                {
                    continue;
                }

                return null;
            }

            text += "|" + part;
        }

        return text;
    }
}
