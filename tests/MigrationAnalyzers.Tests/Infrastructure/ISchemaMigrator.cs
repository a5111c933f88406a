using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>Runs a compiled set of migrations against a SQLite database, to any point of their history.</summary>
public interface ISchemaMigrator : IDisposable
{
    /// <summary>The migrations found, in the order they apply (EF Core IDs, FluentMigrator versions as text).</summary>
    IReadOnlyList<string> Migrations { get; }

    /// <summary>Applies or rolls back migrations until <paramref name="migration"/> is the last one applied; null means none.</summary>
    void MigrateTo(string? migration);

    /// <summary>The database the migrations run on.</summary>
    SqliteDatabase Database { get; }
}
