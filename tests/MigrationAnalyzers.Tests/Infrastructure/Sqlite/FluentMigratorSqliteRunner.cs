using System;
using System.Reflection;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace MigrationAnalyzers.Tests.Infrastructure.Sqlite;

/// <summary>Runs the FluentMigrator migrations of a compiled assembly on a SQLite database file, through FluentMigrator's own runner.</summary>
public static class FluentMigratorSqliteRunner
{
    public static void MigrateUp(Assembly assembly, string connectionString) => Run(assembly, connectionString, runner => runner.MigrateUp());

    /// <summary>Rolls back every migration of the assembly.</summary>
    public static void MigrateDownAll(Assembly assembly, string connectionString) => Run(assembly, connectionString, runner => runner.MigrateDown(0));

    private static void Run(Assembly assembly, string connectionString, Action<IMigrationRunner> action)
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner.AddSQLite().WithGlobalConnectionString(connectionString).ScanIn(assembly).For.Migrations())
            .BuildServiceProvider(validateScopes: false);
        using var scope = services.CreateScope();
        action(scope.ServiceProvider.GetRequiredService<IMigrationRunner>());
    }
}
