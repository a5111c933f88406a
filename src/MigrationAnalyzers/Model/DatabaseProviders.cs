using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Model;

/// <summary>
/// The database providers a compilation references, read once from its assembly references.
/// Provider-specific rules (PostgreSQL's CONCURRENTLY, SQL Server's ONLINE) fire only for a provider the project uses:
/// a migration only ever runs against the databases whose provider is referenced.
/// </summary>
public sealed class DatabaseProviders
{
    private DatabaseProviders(bool efNpgsql, bool efSqlServer, bool fmPostgres, bool fmSqlServer)
    {
        EfCoreNpgsql = efNpgsql;
        EfCoreSqlServer = efSqlServer;
        FluentMigratorPostgres = fmPostgres;
        FluentMigratorSqlServer = fmSqlServer;
    }

    /// <summary>Npgsql.EntityFrameworkCore.PostgreSQL.</summary>
    public bool EfCoreNpgsql { get; }

    /// <summary>Microsoft.EntityFrameworkCore.SqlServer.</summary>
    public bool EfCoreSqlServer { get; }

    /// <summary>FluentMigrator.Extensions.Postgres or FluentMigrator.Runner.Postgres.</summary>
    public bool FluentMigratorPostgres { get; }

    /// <summary>FluentMigrator.Extensions.SqlServer or FluentMigrator.Runner.SqlServer.</summary>
    public bool FluentMigratorSqlServer { get; }

    public bool PostgreSql(MigrationFramework framework)
        => framework == MigrationFramework.EntityFrameworkCore ? EfCoreNpgsql : FluentMigratorPostgres;

    public bool SqlServer(MigrationFramework framework)
        => framework == MigrationFramework.EntityFrameworkCore ? EfCoreSqlServer : FluentMigratorSqlServer;

    /// <summary>
    /// The databases a migration's provider-specific checks apply to: the configured
    /// <c>migration_analyzers.target_database</c> when set (then only that one), otherwise every database whose
    /// provider package the project references (a project may reference several, and this rule does not guess).
    /// </summary>
    public (bool PostgreSql, bool SqlServer) For(MigrationInfo migration, AnalyzerOptions options)
    {
        var configured = TargetDatabase.ParseProvider(new SettingReader(options, migration.Location.SourceTree).GetString(SettingKeys.TargetDatabase));
        return configured == DatabaseProvider.Unknown
            ? (PostgreSql(migration.Framework), SqlServer(migration.Framework))
            : (configured == DatabaseProvider.PostgreSql, configured == DatabaseProvider.SqlServer);
    }

    public static DatabaseProviders Detect(Compilation compilation)
    {
        bool efNpgsql = false, efSqlServer = false, fmPostgres = false, fmSqlServer = false;
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            switch (assembly.Name)
            {
                case "Npgsql.EntityFrameworkCore.PostgreSQL":
                    efNpgsql = true;
                    break;
                case "Microsoft.EntityFrameworkCore.SqlServer":
                    efSqlServer = true;
                    break;
                case "FluentMigrator.Extensions.Postgres":
                case "FluentMigrator.Runner.Postgres":
                    fmPostgres = true;
                    break;
                case "FluentMigrator.Extensions.SqlServer":
                case "FluentMigrator.Runner.SqlServer":
                    fmSqlServer = true;
                    break;
            }
        }

        return new DatabaseProviders(efNpgsql, efSqlServer, fmPostgres, fmSqlServer);
    }

    /// <summary>
    /// A FluentMigrator operation limited by <c>IfDatabase(…)</c> runs on PostgreSQL only when one of the names says so
    /// (FluentMigrator matches processor names such as "Postgres", "Postgres15_0", "PostgreSQL").
    /// </summary>
    public static bool MayRunOn(MigrationOperation operation, string databasePrefix)
    {
        if (operation.DatabaseConditions.IsEmpty)
        {
            return true;
        }

        foreach (var database in operation.DatabaseConditions)
        {
            if (database.StartsWith(databasePrefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
