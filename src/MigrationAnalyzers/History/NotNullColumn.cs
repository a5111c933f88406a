using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.History;

/// <summary>Nullability facts about an added or altered column, with each framework's defaults applied.</summary>
public static class NotNullColumn
{
    /// <summary>
    /// The added column is NOT NULL. EF Core's <c>AddColumn</c> defaults <c>nullable</c> to false whatever the CLR type
    /// (even <c>AddColumn&lt;int?&gt;</c>); FluentMigrator's default is NOT NULL unless <c>Nullable()</c> is called.
    /// A <c>nullable</c> argument that is not a constant is unknown: false here.
    /// </summary>
    public static bool IsAddedAsNotNull(MigrationOperation operation, ColumnDefinition column)
        => operation.Framework == MigrationFramework.EntityFrameworkCore
            ? operation.HasMethod && (column.GetArgument("nullable") is not { } nullable || nullable.BoolValue == false)
            : column.IsNullable != true;

    /// <summary>The database fills the column for existing rows: a default, default SQL, a computed expression, a row version or an identity.</summary>
    public static bool GetsValuesForExistingRows(ColumnDefinition column)
        => column.HasDefault
           || column.GetArgument("rowVersion")?.BoolValue == true
           || column.FindCall("Identity") is not null
           || column.FindCall("WithDefaultValue") is not null;

    /// <summary>
    /// An altered column goes from nullable to NOT NULL. What it was comes from the schema timeline (earlier migrations
    /// and Designer models): EF Core's <c>oldNullable: true</c> is scaffolded from a snapshot that can be stale after a
    /// merge, so it counts only when the history does not show the column already NOT NULL. FluentMigrator states only
    /// the new side.
    /// </summary>
    internal static bool BecomesNotNull(UpTimeline timeline, MigrationOperation operation, ColumnDefinition column)
    {
        if (operation.Framework == MigrationFramework.EntityFrameworkCore)
        {
            return operation.HasMethod
                   && (column.GetArgument("nullable") is not { } nullable || nullable.BoolValue == false)
                   && column.GetArgument("oldNullable")?.BoolValue == true
                   && timeline.WasNullable(operation) != false;
        }

        // Delete.DefaultConstraint is read as an AlterColumn without a type: it changes no nullability.
        if (column.FluentType is null || column.IsNullable == true)
        {
            return false;
        }

        return timeline.WasNullable(operation) == true;
    }
}
