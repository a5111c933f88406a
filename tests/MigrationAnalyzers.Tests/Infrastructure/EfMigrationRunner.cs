using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs the EF Core migrations of a compiled assembly with EF Core's own migrator on SQLite, or on the
/// <see cref="ITestDatabase"/> given (SQLite or PostgreSQL). The DbContext must be in the same assembly (EF Core then
/// looks for migrations there) and take <c>DbContextOptions&lt;T&gt;</c>.
/// </summary>
public sealed class EfMigrationRunner : ISchemaMigrator
{
    private readonly Type _contextType;
    private readonly SqliteDatabase? _database;
    private readonly ITestDatabase? _target;

    public EfMigrationRunner(Assembly assembly, string? contextTypeName = null)
        : this(assembly, null, contextTypeName)
    {
    }

    /// <param name="target">The database to migrate, owned by the caller; null: a temporary SQLite file of the runner's own.</param>
    public EfMigrationRunner(Assembly assembly, ITestDatabase? target, string? contextTypeName = null)
    {
        _target = target;
        _database = target is null ? new SqliteDatabase() : (target as SqliteTestDatabase)?.File;
        _contextType = contextTypeName is null
            ? assembly.GetTypes().Single(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
            : assembly.GetType(contextTypeName, throwOnError: true)!;
        using var context = CreateContext();
        Migrations = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
    }

    public IReadOnlyList<string> Migrations { get; }

    public SqliteDatabase Database => _database ?? throw new InvalidOperationException("The runner migrates " + _target!.Engine + ", not a SQLite file.");

    public void MigrateTo(string? migration)
    {
        using var context = CreateContext();
        context.GetService<IMigrator>().Migrate(migration ?? Migration.InitialDatabase);
    }

    public DbContext CreateContext()
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(_contextType))!;
        if (_target is PostgresTestDatabase postgres)
        {
            builder.UseNpgsql(postgres.ConnectionString);
        }
        else
        {
            builder.UseSqlite(_database!.ConnectionString);
        }

        return (DbContext)Activator.CreateInstance(_contextType, builder.Options)!;
    }

    public void Dispose()
    {
        if (_target is null)
        {
            _database!.Dispose();
        }
    }
}
