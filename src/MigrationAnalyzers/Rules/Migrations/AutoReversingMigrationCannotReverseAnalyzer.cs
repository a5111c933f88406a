using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Reversal;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1003: a FluentMigrator <c>AutoReversingMigration</c> whose Up holds an expression FluentMigrator cannot
/// reverse (<c>Alter.Column</c>, <c>Delete.*</c>, <c>Execute.Sql</c>, <c>Update</c> …). It migrates up fine and fails
/// only on rollback, when it is needed most. Reported once per migration, at the first such expression, with the
/// others as additional locations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AutoReversingMigrationCannotReverseAnalyzer : MigrationRuleAnalyzer
{
    public AutoReversingMigrationCannotReverseAnalyzer()
        : base(MIG1003_AutoReversingMigrationCannotReverse)
    {
    }

    protected override bool AppliesTo(MigrationCatalog catalog) => catalog.Symbols.FmAutoReversingMigration is not null;

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (migration.Style != MigrationStyle.AutoReversing)
        {
            return;
        }

        var blocking = new List<MigrationOperation>();
        var names = new List<string>();
        foreach (var operation in migration.Up.Operations)
        {
            if (FluentMigratorReversibility.CannotReverse(operation))
            {
                blocking.Add(operation);
                if (!names.Contains(operation.MethodName))
                {
                    names.Add(operation.MethodName);
                }
            }
        }

        if (blocking.Count == 0)
        {
            return;
        }

        // Template methods: what a base class's Up does itself is reported once, by the first migration deriving from
        // it; each migration answers for the operations written in its own class.
        var own = blocking.FindAll(operation => migration.Declares(operation.Location)
                                                || ReferenceEquals(context.Catalog.OwnerOfInheritedCode(migration, operation.Location), migration));
        if (own.Count == 0)
        {
            return;
        }

        if (own.Count < blocking.Count)
        {
            blocking = own;
            names.Clear();
            foreach (var operation in own)
            {
                if (!names.Contains(operation.MethodName))
                {
                    names.Add(operation.MethodName);
                }
            }
        }

        var additional = new List<Location>();
        for (var i = 1; i < blocking.Count; i++)
        {
            additional.Add(blocking[i].Location);
        }

        // The fix rewrites the class as a Migration with a written Down; say whether it can.
        var plan = InversePlanner.Plan(migration, context.Catalog);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(InversePlan.CanGenerateDownProperty, plan.IsComplete ? "true" : "false");
        context.Report(Diagnostic.Create(
            MIG1003_AutoReversingMigrationCannotReverse,
            blocking[0].Location,
            additional,
            properties,
            migration.Name,
            string.Join(", ", names)));
    }
}
