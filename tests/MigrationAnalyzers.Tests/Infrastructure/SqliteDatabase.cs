using System;
using System.IO;
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
