using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// A throw-away database of one engine (SQLite or PostgreSQL) that execution tests put rows into and read back, the
/// same way on both: a fix that keeps data must keep it on each database it is offered for.
/// </summary>
public interface ITestDatabase : IDisposable
{
    /// <summary>"SQLite" or "PostgreSQL", for messages.</summary>
    string Engine { get; }

    string ConnectionString { get; }

    void Execute(string sql);

    /// <summary>Every row of <paramref name="table"/> ordered by <paramref name="orderBy"/>, values joined with " | " (NULL for null).</summary>
    IReadOnlyList<string> Rows(string table, string columns, string orderBy);

    /// <summary>Whether the column accepts NULL; null when the table has no such column.</summary>
    bool? IsNullable(string table, string column);

    /// <summary>
    /// Every table of the application (not the migration bookkeeping), with its columns (name, nullability), index names
    /// and rows; columns and rows in a fixed order, so that two snapshots of the same data compare equal even after
    /// SQLite rebuilt a table with its columns in another order.
    /// </summary>
    string Snapshot();
}

/// <summary>The engines execution tests run on, by name (xunit theories take them as data).</summary>
public static class TestDatabases
{
    public const string Sqlite = "SQLite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>A fresh database of <paramref name="engine"/>; PostgreSQL fails the test under CI=true when no server answers.</summary>
    public static ITestDatabase Create(string engine) => engine switch
    {
        Sqlite => new SqliteTestDatabase(),
        PostgreSql => new PostgresTestDatabase(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "SQLite or PostgreSQL"),
    };
}
