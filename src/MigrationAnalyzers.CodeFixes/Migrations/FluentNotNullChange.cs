using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// FluentMigrator's side of MIG1050's NOT NULL fix (<see cref="NotNullWithCheck"/>). <c>Alter.Column(…).AsString(200).NotNullable()</c>
/// always writes <c>ALTER … TYPE varchar(200), ALTER … SET NOT NULL</c>, and that TYPE clause verifies the check again
/// with a scan; so the following migration cannot repeat the statement, as EF Core's form does, and sets NOT NULL in
/// raw SQL instead. That drops the TYPE clause, which is only the same change when the type it restates is the one the
/// column already has: the type call must be written exactly as in the column's last definition on record. When the
/// history does not know that definition, the fix is not offered.
/// </summary>
internal static class FluentNotNullChange
{
    /// <summary>
    /// <c>Alter.Column("c").OnTable("t")[.InSchema("s")].AsX(…).NotNullable()</c>, every argument a literal, with the
    /// <c>AsX(…)</c> of the column's previous definition and nothing else.
    /// </summary>
    public static bool OnlyNullabilityChanges(UpTimeline timeline, MigrationOperation operation)
        => operation.Column is { } column
           && timeline.ColumnBefore(operation) is { Source.Framework: MigrationFramework.FluentMigrator, Definition: { } previous }
           && previous.FindCall("WithCollation") is null
           && TypeCall(operation, "NotNullable") is { } type
           && previous.FluentType == column.FluentType
           && previous.FindCall(type.Name) is { } previousType
           && SameArguments(type, previousType);

    /// <summary>
    /// The one statement of Down that makes the column nullable again with the same type call:
    /// <c>Alter.Column("c").OnTable("t")[.InSchema("s")].AsX(…).Nullable()</c>; null when there is none, or more than one.
    /// </summary>
    public static StatementSyntax? Inverse(MigrationInfo migration, MigrationOperation change)
    {
        if (TypeCall(change, "NotNullable") is not { } upType)
        {
            return null;
        }

        StatementSyntax? found = null;
        foreach (var operation in migration.Down.Operations)
        {
            if (operation.Kind != MigrationOperationKind.AlterColumn || operation.Table != change.Table || operation.Name != change.Name || operation.Schema != change.Schema)
            {
                continue;
            }

            if (found is not null
                || !operation.DatabaseConditions.IsEmpty
                || TypeCall(operation, "Nullable") is not { } downType
                || !SameArguments(upType, downType)
                || operation.Statement is not ExpressionStatementSyntax { Expression: var expression } statement
                || expression != operation.Syntax)
            {
                return null;
            }

            found = statement;
        }

        return found;
    }

    /// <summary>
    /// The <c>AsX(…)</c> call of <c>Alter.Column("c").OnTable("t")[.InSchema("s")].AsX(…).<paramref name="nullability"/>()</c>
    /// with literal arguments only (the statement's SQL moves to another class, where a constant of this one is not
    /// known); null for any other chain.
    /// </summary>
    private static FluentCall? TypeCall(MigrationOperation operation, string nullability)
    {
        if (operation.MethodName != "Alter.Column" || operation.Column?.FluentType is not { } typeName)
        {
            return null;
        }

        var calls = operation.FluentCalls;
        FluentCall? type = null;
        var nullable = 0;
        foreach (var call in calls)
        {
            switch (call.Name)
            {
                case "Alter" when call.Arguments.IsEmpty:
                case "Column" or "OnTable" or "InSchema" when call.Arguments.Length == 1 && call.FirstString is not null && call.Arguments[0].Syntax is LiteralExpressionSyntax:
                    break;
                case var name when name == typeName && type is null:
                    type = call;
                    break;
                case var name when name == nullability && call.Arguments.IsEmpty:
                    nullable++;
                    break;
                default:
                    return null;
            }
        }

        return nullable == 1 && type is not null && type.Arguments.All(argument => argument.Syntax is LiteralExpressionSyntax) ? type : null;
    }

    private static bool SameArguments(FluentCall first, FluentCall second)
        => first.Name == second.Name
           && first.Arguments.Length == second.Arguments.Length
           && first.Arguments.Zip(second.Arguments, (a, b) => a.Syntax.ToString() == b.Syntax.ToString()).All(same => same);
}
