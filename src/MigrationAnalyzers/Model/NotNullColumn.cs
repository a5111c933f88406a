namespace MigrationAnalyzers.Model;

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
            ? operation.Method is not null && (column.GetArgument("nullable") is not { } nullable || nullable.BoolValue == false)
            : column.IsNullable != true;

    /// <summary>The database fills the column for existing rows: a default, default SQL, a computed expression, a row version or an identity.</summary>
    public static bool GetsValuesForExistingRows(ColumnDefinition column)
        => column.HasDefault
           || column.GetArgument("rowVersion")?.BoolValue == true
           || column.FindCall("Identity") is not null
           || column.FindCall("WithDefaultValue") is not null;

    /// <summary>
    /// An altered column goes from nullable to NOT NULL. EF Core states both sides (<c>nullable</c> and <c>oldNullable</c>,
    /// both false when omitted); FluentMigrator states only the new one, so the old one comes from the column's history.
    /// </summary>
    public static bool BecomesNotNull(MigrationCatalog catalog, MigrationInfo migration, MigrationOperation operation, ColumnDefinition column)
    {
        if (operation.Framework == MigrationFramework.EntityFrameworkCore)
        {
            return operation.Method is not null
                   && column.GetArgument("oldNullable")?.BoolValue == true
                   && (column.GetArgument("nullable") is not { } nullable || nullable.BoolValue == false);
        }

        // Delete.DefaultConstraint is read as an AlterColumn without a type: it changes no nullability.
        if (column.FluentType is null || column.IsNullable == true)
        {
            return false;
        }

        return ColumnHistory.PreviousDefinition(catalog, migration, operation)?.IsNullable == true;
    }
}
