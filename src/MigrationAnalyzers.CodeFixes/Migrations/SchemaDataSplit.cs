using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

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
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up
            || up.Parent != main
            || !migration.Up.IsSelfContained
            || migration.Up.Throws
            || !migration.Up.UnrecognizedStatements.IsEmpty)
        {
            return null;
        }

        var mix = SchemaAndDataMix.Read(migration, seedDataMoves);
        if (!mix.IsMixed)
        {
            return null;
        }

        var moving = new HashSet<MigrationOperation>(mix.DataOperations);
        var upMoves = MovingStatements(migration.Up.Operations, moving.Contains, forward: true);
        if (upMoves is null)
        {
            return null;
        }

        List<StatementSyntax>? downMoves;
        if (!migration.Down.IsDeclared)
        {
            downMoves = null;
        }
        else if (migration.Down.Operations.IsEmpty && migration.Down.UnrecognizedStatements.IsEmpty)
        {
            // Nothing to undo (or only a throw): the data migration's Down does the same nothing.
            downMoves = migration.Down.Declaration!.Body?.Statements.ToList() ?? new List<StatementSyntax>();
        }
        else if (migration.Down.Declaration is not { Body: not null } down || down.Parent != main || !migration.Down.IsSelfContained
                 || migration.Down.Throws || !migration.Down.UnrecognizedStatements.IsEmpty)
        {
            return null;
        }
        else
        {
            var moves = MovingStatements(
                migration.Down.Operations,
                operation => operation.EffectOf() == OperationEffect.Data && (seedDataMoves || !mix.TouchesNewTable(operation)),
                forward: false,
                migration.Up.Operations);
            if (moves is null)
            {
                return null;
            }

            downMoves = moves;
        }

        var model = compilation.GetSemanticModel(main.SyntaxTree);
        if (upMoves.Concat(downMoves ?? Enumerable.Empty<StatementSyntax>()).Any(statement => UsesOwnMembers(statement, migration.Symbol, model, cancellationToken) || statement.ContainsDirectives))
        {
            return null;
        }

        if (NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Data" }, compilation) is not { Count: 1 } ids)
        {
            return null;
        }

        var edits = new Dictionary<StatementSyntax, StatementSyntax?>();
        foreach (var statement in upMoves)
        {
            edits[statement] = null;
        }

        var movedFromDown = migration.Down.Operations.IsEmpty ? new List<StatementSyntax>() : downMoves ?? new List<StatementSyntax>();
        foreach (var statement in movedFromDown)
        {
            edits[statement] = null;
        }

        return new NewMigrationsPlan(migration, edits, new[] { new NewMigration(ids[0], upMoves, downMoves) });
    }

    /// <summary>
    /// The statements to move, in order, or null when moving them would change what the migration does.
    /// Up (<paramref name="forward"/>): the moved statements run after everything that stays, so every staying operation
    /// after a moved one must be one that the moved data change cannot notice: a new index, key, check, table, schema
    /// or sequence, or seed rows for a new table. A foreign key qualifies only after inserts, since a cascading key
    /// would change what a delete or update does. A new column qualifies when the data change cannot notice it (see
    /// <see cref="UnseenNewColumn"/>). A dropped
    /// column of such a table qualifies after inserts only (a delete could cascade through the column's key).
    /// Down: the moved statements run before everything that stays, so every staying operation before a moved one must
    /// drop something the data change cannot touch: an index, a table, or a column of a table it does not write that
    /// this migration's Up added without a foreign key (dropping a column drops its key, and a delete run first would
    /// cascade through it); or add a column the data change cannot notice.
    /// </summary>
    private static List<StatementSyntax>? MovingStatements(IReadOnlyList<MigrationOperation> operations, System.Func<MigrationOperation, bool> moves, bool forward, IReadOnlyList<MigrationOperation>? up = null)
    {
        var result = new List<StatementSyntax>();
        var movesByStatement = new Dictionary<StatementSyntax, bool>();
        foreach (var operation in operations)
        {
            // A timeout setting (SET LOCAL lock_timeout, as MIG1193's fix writes it) ahead of every moved statement stays
            // for the schema changes it was written for; the data migration runs without it, as it would had the split
            // come first. After a moved statement it would have to go both ways: no split then.
            if (operation.OnlySetsTimeouts())
            {
                if (result.Count > 0)
                {
                    return null;
                }

                continue;
            }

            var effect = operation.EffectOf();
            if (operation.Statement is null || effect is OperationEffect.Unknown or OperationEffect.Other or OperationEffect.SchemaAndData)
            {
                return null;
            }

            var move = moves(operation);
            if (movesByStatement.TryGetValue(operation.Statement, out var earlier))
            {
                if (earlier != move)
                {
                    return null;
                }

                continue;
            }

            movesByStatement[operation.Statement] = move;
            if (move)
            {
                result.Add(operation.Statement);
            }
        }

        var ordered = forward ? operations : operations.Reverse().ToList();
        var movedSoFar = new List<MigrationOperation>();
        foreach (var operation in ordered)
        {
            if (operation.OnlySetsTimeouts())
            {
                continue;
            }

            if (movesByStatement[operation.Statement!])
            {
                movedSoFar.Add(operation);
            }
            else if (movedSoFar.Count > 0 && !(forward ? CanRunBeforeMovedData(operation, movedSoFar) : CanRunAfterMovedData(operation, movedSoFar, up!)))
            {
                return null;
            }
        }

        return result;
    }

    private static bool CanRunBeforeMovedData(MigrationOperation staying, List<MigrationOperation> moved)
        => staying.Kind switch
        {
            MigrationOperationKind.CreateIndex or MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.AddCheckConstraint
                or MigrationOperationKind.CreateTable or MigrationOperationKind.EnsureSchema or MigrationOperationKind.CreateSequence or MigrationOperationKind.InsertData => true,
            MigrationOperationKind.AddForeignKey => moved.All(operation => operation.Kind == MigrationOperationKind.InsertData),
            MigrationOperationKind.AddColumn => UnseenNewColumn(staying, moved),
            MigrationOperationKind.DropColumn => moved.All(operation => operation.Kind == MigrationOperationKind.InsertData) && WritesNone(moved, staying),
            _ => false,
        };

    private static bool CanRunAfterMovedData(MigrationOperation staying, List<MigrationOperation> moved, IReadOnlyList<MigrationOperation> up)
        => staying.Kind is MigrationOperationKind.DropIndex or MigrationOperationKind.DropTable or MigrationOperationKind.DropSequence or MigrationOperationKind.DropSchema
            or MigrationOperationKind.DeleteData or MigrationOperationKind.InsertData or MigrationOperationKind.UpdateData
            || (staying.Kind == MigrationOperationKind.DropColumn && WritesNone(moved, staying) && AddedWithoutForeignKey(up, staying))
            || (staying.Kind == MigrationOperationKind.AddColumn && UnseenNewColumn(staying, moved));

    /// <summary>
    /// A new column the moved operations cannot notice: on a table none of them writes, nullable or with a default (a
    /// NOT NULL column without one succeeds only on an empty table, and a cascading delete can empty one), no foreign key.
    /// </summary>
    private static bool UnseenNewColumn(MigrationOperation staying, List<MigrationOperation> moved)
        => staying.Column is { } column && (column.IsNullable == true || column.HasDefault) && !HasForeignKey(column) && WritesNone(moved, staying);

    private static bool HasForeignKey(ColumnDefinition column)
        => column.FindCall("ForeignKey") is not null || column.FindCall("References") is not null || column.FindCall("ReferencedBy") is not null;

    /// <summary>Up adds the column <paramref name="drop"/> drops, without a foreign key on it or any foreign key added to its table.</summary>
    private static bool AddedWithoutForeignKey(IReadOnlyList<MigrationOperation> up, MigrationOperation drop)
        => drop.Table is { } table && drop.Name is { } name
           && up.Any(operation => operation.Kind == MigrationOperationKind.AddColumn
                                  && operation.Table is { } added && SchemaAndDataMix.SameTable(added, operation.Schema, table, drop.Schema)
                                  && string.Equals(operation.Name ?? operation.Column?.Name, name, System.StringComparison.OrdinalIgnoreCase)
                                  && operation.Column is { } column && !HasForeignKey(column))
           && !up.Any(operation => operation.Kind == MigrationOperationKind.AddForeignKey
                                   && (operation.Table is not { } keyed || SchemaAndDataMix.SameTable(keyed, operation.Schema, table, drop.Schema)));

    /// <summary>
    /// No moved operation writes the staying operation's table. Only row operations name the one table they write; raw
    /// SQL may write several, so it never qualifies.
    /// </summary>
    private static bool WritesNone(List<MigrationOperation> moved, MigrationOperation staying)
        => staying.Table is { } table
           && moved.All(operation => operation.Kind is MigrationOperationKind.InsertData or MigrationOperationKind.UpdateData or MigrationOperationKind.DeleteData
                                     && operation.Table is { } written && !SchemaAndDataMix.SameTable(written, operation.Schema, table, staying.Schema));

    /// <summary>The moved code uses a member of the original class (a private constant, a helper): the new class cannot see it.</summary>
    private static bool UsesOwnMembers(StatementSyntax statement, INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var name in statement.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (symbol is not null && symbol.Kind != SymbolKind.Parameter && SymbolEqualityComparer.Default.Equals(symbol.ContainingType?.OriginalDefinition, type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
