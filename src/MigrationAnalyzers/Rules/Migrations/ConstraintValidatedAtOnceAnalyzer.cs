using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1120 (PostgreSQL): a foreign key or check constraint added to an existing table is checked against every row
/// while writes wait (strong_migrations, squawk constraint-missing-not-valid, eugene E1). Raw SQL with NOT VALID is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintValidatedAtOnceAnalyzer : PostgresConstraintAnalyzer
{
    private static readonly Dictionary<MigrationOperationKind, string> OperationKinds = new Dictionary<MigrationOperationKind, string>
    {
        [MigrationOperationKind.AddForeignKey] = "Foreign key",
        [MigrationOperationKind.AddCheckConstraint] = "Check constraint",
    };

    private static readonly Dictionary<AddedConstraintKind, string> SqlKinds = new Dictionary<AddedConstraintKind, string>
    {
        [AddedConstraintKind.ForeignKey] = "Foreign key",
        [AddedConstraintKind.Check] = "Check constraint",
    };

    public ConstraintValidatedAtOnceAnalyzer()
        : base(MIG1120_ConstraintValidatedAtOnce, OperationKinds, SqlKinds)
    {
    }

    protected override bool IsUnsafe(AddedConstraint constraint) => !constraint.NotValid;

    /// <summary>SQL that also adds a unique constraint or primary key without USING INDEX gets MIG1130 only: that lock blocks reads too.</summary>
    protected override bool YieldsTo(AddedConstraint constraint)
        => constraint.Kind is AddedConstraintKind.Unique or AddedConstraintKind.PrimaryKey && !constraint.UsingIndex;
}
