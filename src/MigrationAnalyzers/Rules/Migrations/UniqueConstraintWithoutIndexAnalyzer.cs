using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Sql;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1130 (PostgreSQL): a unique constraint or primary key added directly to an existing table builds its index under
/// a lock (squawk disallowed-unique-constraint, eugene E7). Raw SQL that adopts an index (USING INDEX) is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UniqueConstraintWithoutIndexAnalyzer : PostgresConstraintAnalyzer
{
    private static readonly Dictionary<MigrationOperationKind, string> OperationKinds = new Dictionary<MigrationOperationKind, string>
    {
        [MigrationOperationKind.AddUniqueConstraint] = "Unique constraint",
        [MigrationOperationKind.AddPrimaryKey] = "Primary key",
    };

    private static readonly Dictionary<AddedConstraintKind, string> SqlKinds = new Dictionary<AddedConstraintKind, string>
    {
        [AddedConstraintKind.Unique] = "Unique constraint",
        [AddedConstraintKind.PrimaryKey] = "Primary key",
    };

    public UniqueConstraintWithoutIndexAnalyzer()
        : base(MIG1130_UniqueConstraintWithoutIndex, OperationKinds, SqlKinds)
    {
    }

    protected override bool IsUnsafe(AddedConstraint constraint) => !constraint.UsingIndex;
}
