namespace MigrationAnalyzers.Operations;

/// <summary>
/// Migration annotations of the EF Core providers that change how an operation runs. The names are the ones the
/// providers read (Npgsql.EntityFrameworkCore.PostgreSQL 8: <c>NpgsqlAnnotationNames.CreatedConcurrently</c>;
/// Microsoft.EntityFrameworkCore.SqlServer: <c>SqlServerAnnotationNames.CreatedOnline</c>).
/// </summary>
public static class ProviderAnnotations
{
    /// <summary>Npgsql emits <c>CREATE INDEX CONCURRENTLY</c> and runs the command outside the migration's transaction.</summary>
    public const string NpgsqlCreatedConcurrently = "Npgsql:CreatedConcurrently";

    /// <summary>SQL Server emits <c>WITH (ONLINE = ON)</c>.</summary>
    public const string SqlServerOnline = "SqlServer:Online";

    public static bool IsSet(MigrationOperation operation, string annotation)
        => operation.Annotations.TryGetValue(annotation, out var value) && value.BoolValue == true;
}
