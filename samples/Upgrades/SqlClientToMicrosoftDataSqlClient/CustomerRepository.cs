using System.Data;
using System.Data.SqlClient;

namespace SqlClientToMicrosoftDataSqlClient;

/// <summary>Customers in SQL Server, read and written with plain ADO.NET.</summary>
public sealed class CustomerRepository(string connectionString)
{
    public async Task<string?> FindNameAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqlCommand("SELECT Name FROM Customers WHERE Id = @id", connection);
        command.Parameters.Add(new SqlParameter("@id", SqlDbType.Int) { Value = id });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task ImportAsync(DataTable customers, CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        using var bulkCopy = new SqlBulkCopy(connection) { DestinationTableName = "Customers" };
        await bulkCopy.WriteToServerAsync(customers, cancellationToken);
    }

    public static bool IsDeadlock(System.Data.SqlClient.SqlException exception) => exception.Number == 1205;
}
