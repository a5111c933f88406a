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
    private readonly SqliteDatabase _database = new();
    private readonly ServiceProvider _services;

    public FluentMigrationRunner(Assembly assembly)
    {
        _services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddSQLite()
                .WithGlobalConnectionString(_database.ConnectionString)
                .ScanIn(assembly).For.Migrations())
            .Configure<RunnerOptions>(options => options.AllowBreakingChange = true)
            .BuildServiceProvider(validateScopes: false);
        Migrations = Runner().MigrationLoader.LoadMigrations().Keys.OrderBy(v => v).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    public IReadOnlyList<string> Migrations { get; }

    public SqliteDatabase Database => _database;

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
        _database.Dispose();
    }
}
