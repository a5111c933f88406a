using System;
using System.Collections.Generic;
using System.Threading;
using Npgsql;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// A database of its own on the PostgreSQL server of .ci/setup-postgres.sh, as an <see cref="ITestDatabase"/>; dropped
/// on dispose. Creating one skips the test when no server answers, and fails it under CI=true.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    private readonly string _name = "fixed_history_" + Guid.NewGuid().ToString("N").Substring(0, 12);

    public PostgresTestDatabase()
    {
        PostgresServer.SkipUnlessAvailable();
        ConnectionString = PostgresServer.CreateDatabaseAsync(_name, CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Engine => TestDatabases.PostgreSql;

    public string ConnectionString { get; }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<string> Rows(string table, string columns, string orderBy)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand($"SELECT {columns} FROM \"{table}\" ORDER BY {orderBy}", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var index = 0; index < row.Length; index++)
            {
                row[index] = reader.IsDBNull(index) ? null : reader.GetValue(index);
            }

            rows.Add(SqliteTestDatabase.Format(row));
        }

        return rows;
    }

    public bool? IsNullable(string table, string column)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "SELECT is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND column_name = @column",
            connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("column", column);
        return command.ExecuteScalar() is string answer ? answer == "YES" : null;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        admin.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
