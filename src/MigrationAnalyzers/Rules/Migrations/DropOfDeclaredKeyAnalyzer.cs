using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1171 (EF Core): Up drops an index, unique constraint or foreign key that the model after the migration — its own
/// Designer, which <c>migrations add</c> writes together with the snapshot — still declares. The database and the model
/// disagree from then on: the next <c>migrations add</c> scaffolds the key back, and until then uniqueness or referential
/// integrity the model promises is gone. An index dropped and created again under the same name in the same Up (a
/// scaffolded change of its columns, filter or uniqueness) is not a drop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropOfDeclaredKeyAnalyzer : MigrationRuleAnalyzer
{
    private static readonly ConditionalWeakTable<MigrationInfo, DeclaredKeys> Models = new ConditionalWeakTable<MigrationInfo, DeclaredKeys>();

    public DropOfDeclaredKeyAnalyzer()
        : base(MIG1171_DropOfDeclaredKey)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (migration.Framework != MigrationFramework.EntityFrameworkCore || migration.TargetModelDeclaration is not { } declaration)
        {
            return;
        }

        var operations = migration.Up.Operations;
        DeclaredKeys? model = null;
        for (var index = 0; index < operations.Length; index++)
        {
            var operation = operations[index];
            if (Describe(operation.Kind) is not { } what
                || operation.Name is not { } name
                || operation.Table is not { } table
                || ChangedLater(operations, index, table, name))
            {
                continue;
            }

            model ??= Models.GetValue(migration, _ => DeclaredKeys.Read(declaration));
            if (model.Declares(table, name))
            {
                context.Report(MIG1171_DropOfDeclaredKey, operation.Location, what, name, TableName.Display(operation.Schema, table), migration.Id ?? migration.Name);
            }
        }
    }

    private static string? Describe(MigrationOperationKind kind)
        => kind switch
        {
            MigrationOperationKind.DropIndex => "Index",
            MigrationOperationKind.DropForeignKey => "Foreign key",
            MigrationOperationKind.DropUniqueConstraint => "Unique constraint",
            _ => null,
        };

    /// <summary>The same name is created or renamed again later in Up, or its table goes: the drop is part of a change, not a removal.</summary>
    private static bool ChangedLater(System.Collections.Immutable.ImmutableArray<MigrationOperation> operations, int index, string table, string name)
    {
        for (var later = index + 1; later < operations.Length; later++)
        {
            var operation = operations[later];
            if (operation.Kind is MigrationOperationKind.DropTable or MigrationOperationKind.RenameTable
                && operation.Table is { } dropped && TableName.Matches(null, dropped, null, table))
            {
                return true;
            }

            if (operation.Kind is MigrationOperationKind.CreateIndex or MigrationOperationKind.AddForeignKey or MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.RenameIndex
                && (string.Equals(operation.Name, name, System.StringComparison.OrdinalIgnoreCase) || string.Equals(operation.NewName, name, System.StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (operation.Kind == MigrationOperationKind.Sql || operation.Kind == MigrationOperationKind.OpaqueScript)
            {
                return true; // hand-written SQL may build it again: no guess
            }
        }

        return false;
    }
}
