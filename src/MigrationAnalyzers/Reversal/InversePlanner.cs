using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Reversal;

/// <summary>
/// Plans the Down that undoes Up: the inverse of each operation, in reverse order. The one place that knows how
/// operations are reversed: MIG1001 and MIG1003 ask it whether a Down can be written (and say why not), their code
/// fixes ask it for the statements, MIG1002 asks it for the statements Down lacks.
/// </summary>
public static class InversePlanner
{
    /// <summary>Operations that need no inverse when their table is created by the same Up: dropping the table undoes them.</summary>
    private static readonly HashSet<MigrationOperationKind> CoveredByTableDrop = new HashSet<MigrationOperationKind>
    {
        MigrationOperationKind.AddColumn, MigrationOperationKind.DropColumn, MigrationOperationKind.AlterColumn, MigrationOperationKind.RenameColumn,
        MigrationOperationKind.CreateIndex, MigrationOperationKind.DropIndex, MigrationOperationKind.RenameIndex,
        MigrationOperationKind.AddPrimaryKey, MigrationOperationKind.DropPrimaryKey, MigrationOperationKind.AddForeignKey, MigrationOperationKind.DropForeignKey,
        MigrationOperationKind.AddUniqueConstraint, MigrationOperationKind.DropUniqueConstraint, MigrationOperationKind.AddCheckConstraint, MigrationOperationKind.DropCheckConstraint,
        MigrationOperationKind.InsertData, MigrationOperationKind.UpdateData, MigrationOperationKind.DeleteData,
    };

    /// <summary>The whole Down for <paramref name="migration"/>'s Up.</summary>
    public static InversePlan Plan(MigrationInfo migration, MigrationCatalog catalog)
        => Plan(migration, catalog, only: null);

    /// <summary>
    /// The statements that undo <paramref name="only"/> (a subset of Up's operations; all of them when null), in the
    /// order Down must run them. The rest of Up still shapes the schema the inverses are computed against.
    /// </summary>
    public static InversePlan Plan(MigrationInfo migration, MigrationCatalog catalog, ICollection<MigrationOperation>? only)
        => Plan(migration, catalog, only, BuilderName(migration));

    /// <param name="builderName">EF Core: the name of Down's <c>MigrationBuilder</c> parameter the statements call.</param>
    public static InversePlan Plan(MigrationInfo migration, MigrationCatalog catalog, ICollection<MigrationOperation>? only, string builderName)
    {
        if (!migration.Up.UnrecognizedStatements.IsEmpty)
        {
            return InversePlan.Blocked(null, "statement '" + Abbreviate(migration.Up.UnrecognizedStatements[0]) + "' is not a migration operation, so what it does is not known");
        }

        InverseWriter writer = migration.Framework == MigrationFramework.EntityFrameworkCore
            ? new EfCoreInverseWriter(builderName)
            : new FluentMigratorInverseWriter();

        var operations = migration.Up.Operations;
        SchemaHistory? history = null;
        var createdHere = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groups = new List<(MigrationOperation Operation, List<string> Statements)>();

        for (var index = 0; index < operations.Length; index++)
        {
            var operation = operations[index];
            var skip = (only is not null && !only.Contains(operation))
                       || (operation.Table is not null && createdHere.Contains(operation.Table) && CoveredByTableDrop.Contains(operation.Kind))
                       // Pomelo's NULL backfill belongs to the NOT NULL change; making the column nullable again undoes both.
                       || GeneratedBackfill.Is(migration.Up, operation)
                       // SET LOCAL lock_timeout and the like change nothing to undo.
                       || operation.OnlySetsTimeouts();
            if (!skip)
            {
                // History is replayed only when an inverse needs it, and then once: replaying it is the costly part.
                if (history is null && NeedsHistory(operation))
                {
                    history = Replay(migration, catalog, operations, index);
                }

                var statements = new List<string>();
                if (writer.TryInvert(operation, history ?? new SchemaHistory(), statements) is { } reason)
                {
                    return InversePlan.Blocked(operation, reason);
                }

                groups.Add((operation, statements));
            }

            history?.Apply(operation);
            Track(operation, createdHere);
        }

        var result = ImmutableArray.CreateBuilder<InverseStatement>();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            foreach (var statement in groups[i].Statements)
            {
                result.Add(new InverseStatement(groups[i].Operation, statement));
            }
        }

        return InversePlan.Complete(result.ToImmutable());
    }

    /// <summary>Inverses that recreate what the operation removes, or read the table's key, take facts from history.</summary>
    private static bool NeedsHistory(MigrationOperation operation)
        => operation.Kind is MigrationOperationKind.DropTable or MigrationOperationKind.DropColumn or MigrationOperationKind.DropIndex
               or MigrationOperationKind.DropPrimaryKey or MigrationOperationKind.DropForeignKey or MigrationOperationKind.DropUniqueConstraint
               or MigrationOperationKind.DropCheckConstraint or MigrationOperationKind.DropSequence or MigrationOperationKind.InsertData
           || (operation.Kind == MigrationOperationKind.AlterColumn && operation.Framework == MigrationFramework.FluentMigrator);

    /// <summary>The schema before operation <paramref name="upTo"/> of Up: every earlier migration of the same history, then Up's first operations.</summary>
    private static SchemaHistory Replay(MigrationInfo migration, MigrationCatalog catalog, ImmutableArray<MigrationOperation> operations, int upTo)
    {
        var history = SchemaTimeline.Before(migration, catalog);

        for (var i = 0; i < upTo; i++)
        {
            history.Apply(operations[i]);
        }

        return history;
    }

    private static void Track(MigrationOperation operation, HashSet<string> createdHere)
    {
        if (operation.Kind == MigrationOperationKind.CreateTable && operation.Table is not null)
        {
            createdHere.Add(operation.Table);
        }
        else if (operation.Kind == MigrationOperationKind.RenameTable && operation.Table is not null && operation.NewName is not null && createdHere.Remove(operation.Table))
        {
            createdHere.Add(operation.NewName);
        }
        else if (operation.Kind == MigrationOperationKind.DropTable && operation.Table is not null)
        {
            createdHere.Remove(operation.Table);
        }
    }

    /// <summary>
    /// EF Core: the name Down gives its <c>MigrationBuilder</c> when Down is declared, else the name Up gives it (a new
    /// Down copies Up's signature), so the statements compile where they are written.
    /// </summary>
    public static string BuilderName(MigrationInfo migration)
        => migration.Down.Declaration?.ParameterList.Parameters is { Count: 1 } down ? down[0].Identifier.ValueText
            : migration.Up.Declaration?.ParameterList.Parameters is { Count: 1 } up ? up[0].Identifier.ValueText
            : "migrationBuilder";

    private static string Abbreviate(SyntaxNode statement)
    {
        var text = statement.ToString().Replace("\r", string.Empty).Split('\n')[0].Trim();
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }
}
