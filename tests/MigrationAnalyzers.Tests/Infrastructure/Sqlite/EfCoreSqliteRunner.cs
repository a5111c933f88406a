using System;
using System.Linq;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Tests.Infrastructure.Sqlite;

/// <summary>Runs the EF Core migrations of a compiled assembly on an open SQLite connection, through EF Core's own migrator.</summary>
public static class EfCoreSqliteRunner
{
    /// <summary>Migrates to <paramref name="target"/>: null for the latest migration, "0" to revert them all.</summary>
    public static void Migrate(Assembly assembly, SqliteConnection connection, string? target = null)
    {
        using var context = CreateContext(assembly, connection);
        context.GetService<IMigrator>().Migrate(target);
    }

    private static DbContext CreateContext(Assembly assembly, SqliteConnection connection)
    {
        var contextType = assembly.GetTypes().Single(type => typeof(DbContext).IsAssignableFrom(type) && !type.IsAbstract);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        builder.UseSqlite(connection);
        return (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
    }
}
