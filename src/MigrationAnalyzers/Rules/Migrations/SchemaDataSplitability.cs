using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// Whether MIG1020's split keeps the migration's meaning, and which statements of Up and Down it moves, decided once for
/// the rule (which says in its message why no fix is offered) and for the fix (which then declines): both read the same
/// operations in the same way.
/// </summary>
internal sealed class SchemaDataSplitability
{
    private SchemaDataSplitability(List<StatementSyntax>? upMoves, List<StatementSyntax>? downMoves, string? whyNoFix)
    {
        UpMoves = upMoves ?? new List<StatementSyntax>();
        DownMoves = downMoves;
        WhyNoFix = whyNoFix;
    }

    /// <summary>The statements of Up that move to the new migration, in order.</summary>
    public List<StatementSyntax> UpMoves { get; }

    /// <summary>The statements of Down the new migration's Down gets, in order; null when the original declares no Down.</summary>
    public List<StatementSyntax>? DownMoves { get; }

    /// <summary>Null when the split can be written; otherwise why not, in words for the diagnostic.</summary>
    public string? WhyNoFix { get; }

    /// <summary>The split of a migration whose Up <paramref name="mix"/> found mixed.</summary>
    public static SchemaDataSplitability Of(MigrationInfo migration, SchemaAndDataMix mix, bool seedDataMoves, MigrationCatalog catalog, Compilation compilation, CancellationToken cancellationToken)
    {
        if (WhyBodyCannotSplit(migration, migration.Up, "Up") is { } upWhy)
        {
            return No(upWhy);
        }

        var moving = new HashSet<MigrationOperation>(mix.DataOperations);
        var upMoves = MovingStatements(migration.Up.Operations, moving.Contains, forward: true, out var why);
        if (upMoves is null)
        {
            return No(why);
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
        else if (WhyBodyCannotSplit(migration, migration.Down, "Down") is { } downWhy)
        {
            return No(downWhy);
        }
        else
        {
            downMoves = MovingStatements(
                migration.Down.Operations,
                operation => operation.EffectOf() == OperationEffect.Data && (seedDataMoves || !mix.TouchesNewTable(operation)),
                forward: false,
                out why,
                migration.Up.Operations);
            if (downMoves is null)
            {
                return No(why);
            }
        }

        var model = compilation.GetSemanticModel(migration.MainDeclaration!.SyntaxTree);
        var moved = upMoves.Concat(downMoves ?? Enumerable.Empty<StatementSyntax>()).ToList();
        if (moved.Any(statement => statement.ContainsDirectives))
        {
            return No("the moved code holds preprocessor directives, which the split does not carry over");
        }

        var ownNames = OwnNames(migration.Symbol);
        if (moved.Any(statement => UsesOwnMembers(statement, migration.Symbol, ownNames, model, cancellationToken)))
        {
            return No("the moved code uses a member of the migration class (a constant, a helper), which the new migration cannot see");
        }

        if (FollowingPositions.After(catalog, migration, 1) is null)
        {
            return No(FollowingPositions.NoRoom);
        }

        return new SchemaDataSplitability(upMoves, downMoves, whyNoFix: null);
    }

    /// <summary>How the rule names an operation: the method, and the table it works on.</summary>
    public static string Describe(MigrationOperation operation)
        => operation.Table is { } table ? operation.MethodName + " on '" + table + "'" : operation.MethodName;

    private static SchemaDataSplitability No(string? why) => new SchemaDataSplitability(null, null, why ?? "the split would change what the migration does");

    /// <summary>The split moves statements written in the migration class's own method, and only statements it can read.</summary>
    private static string? WhyBodyCannotSplit(MigrationInfo migration, MigrationBody body, string name)
    {
        if (migration.MainDeclaration is not { } main || body.Declaration is not { Body: not null } declaration || declaration.Parent != main)
        {
            return name + " is not a block-bodied method of the migration class's main declaration, so the split has no statements to move";
        }

        if (!body.IsSelfContained)
        {
            return name + " calls helper methods, and the split moves statements of " + name + " itself only";
        }

        if (body.Throws)
        {
            return name + " throws, so the split cannot tell what of it runs";
        }

        return body.UnrecognizedStatements.IsEmpty
            ? null
            : name + " holds statements the split cannot read (conditions, loops, local code), and it moves nothing past them";
    }

    /// <summary>
    /// The statements to move, in order, or null (with the reason) when moving them would change what the migration does.
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
    private static List<StatementSyntax>? MovingStatements(IReadOnlyList<MigrationOperation> operations, Func<MigrationOperation, bool> moves, bool forward, out string? why, IReadOnlyList<MigrationOperation>? up = null)
    {
        var body = forward ? "Up" : "Down";
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
                    why = "a timeout setting in " + body + " follows a data change, so it would have to stay with the schema changes and move with the data";
                    return null;
                }

                continue;
            }

            var effect = operation.EffectOf();
            if (operation.Statement is null || effect is OperationEffect.Unknown or OperationEffect.Other or OperationEffect.SchemaAndData)
            {
                why = "the split cannot tell whether " + Describe(operation) + " in " + body + " changes the schema or the rows"
                      + (effect == OperationEffect.SchemaAndData ? " (it does both)" : string.Empty);
                return null;
            }

            var move = moves(operation);
            if (movesByStatement.TryGetValue(operation.Statement, out var earlier))
            {
                if (earlier != move)
                {
                    why = "one statement of " + body + " holds both a schema change and a data change";
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
                var rawSql = movedSoFar.Any(moved => moved.Table is null) ? " (raw SQL may read or write any table)" : string.Empty;
                why = forward
                    ? "the data changes would have to move past " + Describe(operation) + ", which could change what they do" + rawSql
                    : "in Down, the data changes would have to run before " + Describe(operation) + ", which could change what they do" + rawSql;
                return null;
            }
        }

        why = null;
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
                                  && string.Equals(operation.Name ?? operation.Column?.Name, name, StringComparison.OrdinalIgnoreCase)
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

    /// <summary>
    /// The moved code uses a member of the original class (a private constant, a helper): the new class cannot see it.
    /// Only a name in <paramref name="ownNames"/> can be one, so only those are bound.
    /// </summary>
    private static bool UsesOwnMembers(StatementSyntax statement, INamedTypeSymbol type, HashSet<string> ownNames, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var name in statement.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (!ownNames.Contains(name.Identifier.ValueText))
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (symbol is not null && IsMember(symbol) && SymbolEqualityComparer.Default.Equals(symbol.ContainingType?.OriginalDefinition, type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What the new class would lack: a member, nested type or type parameter of the original. A lambda's parameter or
    /// local, a pattern or query variable, a local function or label is declared in the moved code and moves with it,
    /// although Roslyn names the class as its containing type too.
    /// </summary>
    private static bool IsMember(ISymbol symbol)
        => symbol switch
        {
            IMethodSymbol method => method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction),
            IFieldSymbol or IPropertySymbol or IEventSymbol or INamedTypeSymbol or ITypeParameterSymbol => true,
            _ => false,
        };

    /// <summary>
    /// The names by which moved code can reach a member of the migration class: its members and nested types
    /// (<see cref="INamedTypeSymbol.MemberNames"/> leaves nested types out) and its type parameters. Read from
    /// declarations, without binding.
    /// </summary>
    private static HashSet<string> OwnNames(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(type.MemberNames, StringComparer.Ordinal);
        foreach (var nested in type.GetTypeMembers())
        {
            names.Add(nested.Name);
        }

        foreach (var parameter in type.TypeParameters)
        {
            names.Add(parameter.Name);
        }

        return names;
    }
}
