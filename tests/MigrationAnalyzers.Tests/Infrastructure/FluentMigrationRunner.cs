using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs the FluentMigrator migrations of a compiled assembly with FluentMigrator's own runner on SQLite.
/// FluentMigrator.Runner.SQLite finds its ADO.NET provider by reflection (System.Data.SQLite, then
/// Microsoft.Data.Sqlite's <c>SqliteFactory</c>); this test project carries Microsoft.Data.Sqlite.
/// </summary>
public sealed class FluentMigrationRunner : ISchemaMigrator
{
    private readonly SqliteDatabase? _database;
    private readonly ITestDatabase? _target;
    private readonly ServiceProvider _services;

    public FluentMigrationRunner(Assembly assembly)
        : this(assembly, null)
    {
    }

    /// <param name="target">The database to migrate, owned by the caller (SQLite or PostgreSQL); null: a temporary SQLite file of the runner's own.</param>
    public FluentMigrationRunner(Assembly assembly, ITestDatabase? target)
    {
        _target = target;
        _database = target is null ? new SqliteDatabase() : (target as SqliteTestDatabase)?.File;
        var connectionString = target?.ConnectionString ?? _database!.ConnectionString;
        _services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => (target is PostgresTestDatabase ? runner.AddPostgres() : runner.AddSQLite())
                .WithGlobalConnectionString(connectionString)
                .ScanIn(assembly).For.Migrations())
            .Configure<RunnerOptions>(options => options.AllowBreakingChange = true)
            .BuildServiceProvider(validateScopes: false);
        Migrations = Runner().MigrationLoader.LoadMigrations().Keys.OrderBy(v => v).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    public IReadOnlyList<string> Migrations { get; }

    public SqliteDatabase Database => _database ?? throw new InvalidOperationException("The runner migrates " + _target!.Engine + ", not a SQLite file.");

    public void MigrateTo(string? migration)
    {
        var runner = Runner();
        var target = migration is null ? 0 : long.Parse(migration, CultureInfo.InvariantCulture);
        if (CurrentVersion() > target)
        {
            runner.MigrateDown(target);
        }
        else
        {
            runner.MigrateUp(target);
        }
    }

    private long CurrentVersion()
    {
        using var scope = _services.CreateScope();
        var loader = scope.ServiceProvider.GetRequiredService<FluentMigrator.Runner.IVersionLoader>();
        loader.LoadVersionInfo();
        return loader.VersionInfo.Latest();
    }

    private IMigrationRunner Runner() => _services.GetRequiredService<IMigrationRunner>();

    public void Dispose()
    {
        _services.Dispose();
        if (_target is null)
        {
            _database!.Dispose();
        }
    }
}
