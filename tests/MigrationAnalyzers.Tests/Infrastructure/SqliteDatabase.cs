using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>A throw-away SQLite database in a temporary file (every framework opens its own connections to it).</summary>
public sealed class SqliteDatabase : IDisposable
{
    public SqliteDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "migration-analyzers-" + Guid.NewGuid().ToString("N") + ".db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public SqliteSchema Schema(bool includeRows = false) => SqliteSchema.Capture(ConnectionString, includeRows);

    /// <summary>Runs a statement on its own connection: rows put in place before a migration, or a check after it.</summary>
    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public List<object?[]> Query(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var index = 0; index < row.Length; index++)
            {
                row[index] = reader.IsDBNull(index) ? null : reader.GetValue(index);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The column names of <paramref name="table"/>.</summary>
    public List<string> Columns(string table) => Query($"SELECT name FROM pragma_table_info('{table}')").Select(r => (string)r[0]!).ToList();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-journal", Path + "-wal", Path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
