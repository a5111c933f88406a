using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1040: a column or table renamed in one step (<c>RenameColumn</c>, <c>RenameTable</c>, <c>Rename.Column</c>,
/// <c>Rename.Table</c>). The old application version still runs during a deployment and still uses the old name.
/// Renames of what the same migration created are invisible to running code and stay silent, and so is a same-name
/// <c>RenameTable</c>, which only moves a table between schemas, and a table rename followed in the same Up by a view
/// under the old name (what the fix writes): the old version keeps reading and writing through the view.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OneStepRenameAnalyzer : MigrationRuleAnalyzer
{
    public OneStepRenameAnalyzer()
        : base(MIG1040_OneStepRename)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        // Only a rolling deployment runs the old version, which still uses the old name, against the new schema.
        if (!context.IsRollingDeployment)
        {
            return;
        }

        var migration = context.Migration;
        // Down undoes Up: its renames put back names the old code already knows.
        var timeline = new UpTimeline(context.Catalog, migration);
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Table is not { } table || operation.NewName is not { } newName)
            {
                continue;
            }

            switch (operation.Kind)
            {
                // Same name, other schema (or none): a move between schemas, not a rename; SQLite ignores it entirely.
                case MigrationOperationKind.RenameTable when string.Equals(table, newName, System.StringComparison.Ordinal):
                    break;
                case MigrationOperationKind.RenameTable when !timeline.IsNewTable(operation) && !TableRenameViewability.KeepsOldNameAsView(migration, operation):
                    Report(context, timeline, operation, "table", TableName.Display(operation.Schema, table), TableName.Display(operation.NewSchema, newName));
                    break;
                case MigrationOperationKind.RenameColumn when operation.Name is { } column && !timeline.IsNewColumn(operation):
                    Report(context, timeline, operation, "column", TableName.Display(operation.Schema, table) + "." + column, newName);
                    break;
            }
        }
    }

    private static void Report(MigrationRuleContext context, UpTimeline timeline, MigrationOperation operation, string what, string from, string to)
        => context.Report(
            MIG1040_OneStepRename,
            operation.Location,
            what,
            from,
            to,
            RenameExpandability.WhyNoFix(context.Database, context.Catalog, context.Migration, timeline, operation) is { } why ? "; no fix is offered: " + why : string.Empty);
}
