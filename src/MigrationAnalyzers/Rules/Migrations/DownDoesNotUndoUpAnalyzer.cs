using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reversal;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1002: Down exists but does not mirror Up: an Up operation is never reversed (Up adds column Email, Down never
/// drops it), or Down reverses something Up never did, or Down reverses it under another name (a typo). Silent unless
/// both bodies are fully understood.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DownDoesNotUndoUpAnalyzer : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property: the index in Up's operations of the operation Down never reverses.</summary>
    public const string UpOperationIndexProperty = "UpOperationIndex";

    public DownDoesNotUndoUpAnalyzer()
        : base(MIG1002_DownDoesNotUndoUp)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (migration.Style != MigrationStyle.Explicit || ReversalCheck.Run(migration) is not { } check)
        {
            return;
        }

        foreach (var index in check.UnreversedUpOperations)
        {
            var operation = migration.Up.Operations[index];
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(UpOperationIndexProperty, index.ToString(CultureInfo.InvariantCulture));
            context.Report(
                MIG1002_DownDoesNotUndoUp,
                operation.Location,
                properties,
                migration.Name,
                "it never undoes " + InverseWriter.Describe(operation));
        }

        foreach (var operation in check.UnexplainedDownOperations)
        {
            context.Report(
                MIG1002_DownDoesNotUndoUp,
                operation.Location,
                migration.Name,
                InverseWriter.Describe(operation) + " undoes nothing that Up did");
        }

        // A mistyped name (Up adds ShippingAddres, Down drops ShippingAddress): one finding, on the Down statement that
        // has to change. No fix: only the author knows which of the two names is the one the database has.
        foreach (var (upIndex, downOperation) in check.MisnamedInverses)
        {
            context.Report(
                MIG1002_DownDoesNotUndoUp,
                downOperation.Location,
                migration.Name,
                "it never undoes " + InverseWriter.Describe(migration.Up.Operations[upIndex])
                + "; it runs " + InverseWriter.Describe(downOperation) + " instead, a different name");
        }
    }
}
