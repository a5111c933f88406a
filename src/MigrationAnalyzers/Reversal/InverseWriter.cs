using System.Collections.Generic;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reversal;

/// <summary>Writes the statements that undo one operation, in one framework's style.</summary>
internal abstract class InverseWriter
{
    /// <summary>
    /// Adds to <paramref name="statements"/> what undoes <paramref name="operation"/> (nothing when nothing is needed);
    /// returns the reason when it cannot be undone. <paramref name="history"/> is the schema just before the operation.
    /// </summary>
    public abstract string? TryInvert(MigrationOperation operation, SchemaHistory history, List<string> statements);

    /// <summary><c>AddColumn 'Users.Email'</c>: how a message names an operation.</summary>
    public static string Describe(MigrationOperation operation)
    {
        var target = operation.Kind switch
        {
            MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable or MigrationOperationKind.RenameTable or MigrationOperationKind.AlterTable
                or MigrationOperationKind.InsertData or MigrationOperationKind.UpdateData or MigrationOperationKind.DeleteData => operation.Table,
            MigrationOperationKind.EnsureSchema or MigrationOperationKind.DropSchema or MigrationOperationKind.CreateSequence or MigrationOperationKind.DropSequence => operation.Name,
            _ when operation.Table is not null && operation.Name is not null => operation.Table + "." + operation.Name,
            _ => operation.Table ?? operation.Name,
        };

        return target is null ? operation.MethodName : operation.MethodName + " '" + target + "'";
    }

    protected static string NoHistory(MigrationOperation operation, string what)
        => Describe(operation) + " cannot be reversed: no earlier migration in this project creates " + what;

    protected static string NotReversible(MigrationOperation operation, string why)
        => Describe(operation) + " cannot be reversed: " + why;
}
