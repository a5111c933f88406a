using System;
using System.Collections.Generic;
using System.Linq;
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

    public string Snapshot()
    {
        var text = new System.Text.StringBuilder();
        foreach (var table in Column("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('__EFMigrationsHistory', 'VersionInfo') ORDER BY table_name"))
        {
            var columns = new List<(string, bool)>();
            using (var connection = Open())
            using (var command = new NpgsqlCommand($"SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' ORDER BY column_name COLLATE \"C\"", connection))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1) == "YES"));
                }
            }

            // Indexes the migrations made, not the ones behind a primary key (SQLite lists only the former too).
            var indexes = Column($"SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = '{table}' AND t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary ORDER BY i.relname COLLATE \"C\"");
            TestDatabaseSnapshot.Append(text, table, columns, indexes, Rows(table, string.Join(", ", columns.Select(column => $"\"{column.Item1}\"")), "1"));
        }

        return text.ToString();
    }

    private List<string> Column(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            // Without FORCE: every connection of the test is closed by now, and FORCE would also try to end sessions
            // of other roles (the server then refuses). The name is unique, so a database left behind harms no test.
            using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
            admin.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\"", admin);
            command.ExecuteNonQuery();
        }
        catch (PostgresException)
        {
        }
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
