using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using MigrationAnalyzers.Databases;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// The migration SQL each EF Core provider itself generates, from its own <see cref="IMigrationsSqlGenerator"/>, with no
/// server: a context configured for the provider (MySQL with a fixed server version) and a model of one table,
/// <c>Widgets</c>, as it is after the operation (SQLite rebuilds the table from that model).
/// </summary>
public static class ProviderSql
{
    public const string Table = "Widgets";

    /// <summary>The provider package versions these tests load; the page names them.</summary>
    public static string ProviderPackage(DatabaseProvider database)
        => database switch
        {
            DatabaseProvider.PostgreSql => "Npgsql.EntityFrameworkCore.PostgreSQL " + PackageVersion(typeof(NpgsqlDbContextOptionsBuilderExtensions)),
            DatabaseProvider.SqlServer => "Microsoft.EntityFrameworkCore.SqlServer " + PackageVersion(typeof(SqlServerDbContextOptionsExtensions)),
            DatabaseProvider.MySql => "Pomelo.EntityFrameworkCore.MySql " + PackageVersion(typeof(MySqlDbContextOptionsBuilderExtensions)),
            DatabaseProvider.Sqlite => "Microsoft.EntityFrameworkCore.Sqlite " + PackageVersion(typeof(SqliteDbContextOptionsBuilderExtensions)),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database, null),
        };

    /// <summary>The package version (assembly versions stop at the minor version: EF Core 8.0.34 is 8.0.0.0).</summary>
    private static string PackageVersion(Type type)
    {
        var informational = type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        var metadata = informational.IndexOf('+');
        return metadata < 0 ? informational : informational.Substring(0, metadata);
    }

    /// <summary>The MySQL server version Pomelo generates for (no server is asked).</summary>
    public static readonly Version MySqlServerVersionUsed = new Version(8, 0, 36);

    /// <summary>The SQL commands the provider generates for <paramref name="operations"/>.</summary>
    public static IReadOnlyList<MigrationCommand> Commands(
        DatabaseProvider database,
        IReadOnlyList<MigrationOperation> operations,
        Action<ModelBuilder>? targetModel = null)
    {
        using var context = CreateContext(database, targetModel ?? (_ => { }));
        var model = context.GetService<IDesignTimeModel>().Model;
        return context.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
    }

    /// <summary>A context configured for the provider (no connection is opened), whose model <paramref name="configureModel"/> builds.</summary>
    public static DbContext CreateContext(DatabaseProvider database, Action<ModelBuilder> configureModel)
        => new ProviderContext(database, configureModel);

    /// <summary>The generated SQL as one text, commands separated by blank lines.</summary>
    public static string Generate(DatabaseProvider database, IReadOnlyList<MigrationOperation> operations, Action<ModelBuilder>? targetModel = null)
        => string.Join("\n", Commands(database, operations, targetModel).Select(command => command.CommandText.Trim() + "\n"));

    public static string Generate(DatabaseProvider database, MigrationOperation operation, Action<ModelBuilder>? targetModel = null)
        => Generate(database, new[] { operation }, targetModel);

    /// <summary>
    /// A context for one provider whose model is built by a callback; each callback gets its own cached model, so
    /// tests that describe different target models do not see each other's.
    /// </summary>
    private sealed class ProviderContext : DbContext
    {
        private readonly DatabaseProvider _database;

        public ProviderContext(DatabaseProvider database, Action<ModelBuilder> configureModel)
        {
            _database = database;
            ConfigureModel = configureModel;
        }

        public Action<ModelBuilder> ConfigureModel { get; }

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        {
            _ = _database switch
            {
                DatabaseProvider.PostgreSql => optionsBuilder.UseNpgsql("Host=x"),
                DatabaseProvider.SqlServer => optionsBuilder.UseSqlServer("Server=.;Database=x"),
                DatabaseProvider.MySql => optionsBuilder.UseMySql("Server=x", new MySqlServerVersion(MySqlServerVersionUsed)),
                DatabaseProvider.Sqlite => optionsBuilder.UseSqlite("Data Source=:memory:"),
                _ => throw new ArgumentOutOfRangeException(nameof(_database), _database, null),
            };
            optionsBuilder.ReplaceService<IModelCacheKeyFactory, PerCallbackModelCacheKeyFactory>();
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder) => ConfigureModel(modelBuilder);
    }

    private sealed class PerCallbackModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime)
            => (context.GetType(), ((ProviderContext)context).ConfigureModel, designTime);
    }
}
