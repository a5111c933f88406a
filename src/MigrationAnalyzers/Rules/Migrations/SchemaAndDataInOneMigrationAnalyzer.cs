using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1020: Up changes the schema and the rows. Reported once per migration, on its first data operation: that is the
/// code that has to move, and the split fix starts from it. Seed rows for a table created earlier in the same Up
/// (EF Core HasData) are exempt unless the option asks for them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaAndDataInOneMigrationAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property: "true" when seed rows for new tables count as data (and so move with the fix).</summary>
    public const string SeedDataMovesProperty = "SeedDataMoves";

    public SchemaAndDataInOneMigrationAnalyzer()
        : base(MIG1020_SchemaAndDataInOneMigration)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        // The data change holds the schema change's locks while others wait: nobody waits in a single-instance deployment.
        if (!context.IsRollingDeployment)
        {
            return;
        }

        var migration = context.Migration;
        if (migration.Up.Operations.IsEmpty)
        {
            return;
        }

        var firstOperation = migration.Up.Operations[0].Syntax;
        var seedDataMoves = new SettingReader(context.Options, firstOperation.SyntaxTree).GetBool(SettingKeys.ReportSeedDataForNewTables, defaultValue: false);
        var mix = SchemaAndDataMix.Read(migration, seedDataMoves);
        if (!mix.IsMixed)
        {
            return;
        }

        var data = mix.DataOperations[0];
        var schema = mix.SchemaOperations[0];
        var detail = SchemaDataSplitability.Describe(schema) + " and " + SchemaDataSplitability.Describe(data)
                     + (mix.DataOperations.Length > 1 ? " and " + (mix.DataOperations.Length - 1) + " more data change(s)" : string.Empty);
        var split = SchemaDataSplitability.Of(migration, mix, seedDataMoves, context.Catalog, context.Compilation, context.CancellationToken);
        var noFix = split.WhyNoFix is { } why ? "; no fix is offered: " + why : string.Empty;

        // The fix must move exactly what the rule counted: it reads the seed option from the diagnostic.
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SeedDataMovesProperty, seedDataMoves ? "true" : "false");
        context.Report(MIG1020_SchemaAndDataInOneMigration, data.Location, properties, migration.Name, detail, noFix);
    }
}
