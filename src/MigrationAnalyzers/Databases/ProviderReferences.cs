using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Databases;

/// <summary>
/// The provider packages a compilation references: the weakest evidence of the target database, used only when
/// exactly one kind is referenced. A shared infrastructure project often references every provider, so several
/// references prove nothing.
/// </summary>
public static class ProviderReferences
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<DatabaseProvider>> Single = new ConditionalWeakTable<Compilation, StrongBox<DatabaseProvider>>();

    /// <summary>The provider whose package the compilation references; Unknown when none or more than one kind is referenced.</summary>
    public static DatabaseProvider SingleReferenced(Compilation compilation)
        => Single.GetValue(compilation, c => new StrongBox<DatabaseProvider>(Infer(c))).Value;

    /// <summary>The database a referenced provider package runs migrations on; Unknown for any other assembly.</summary>
    public static DatabaseProvider ProviderOfAssembly(string name)
        => name switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" or "FluentMigrator.Runner.Postgres" or "FluentMigrator.Extensions.Postgres" => DatabaseProvider.PostgreSql,
            "Microsoft.EntityFrameworkCore.SqlServer" or "FluentMigrator.Runner.SqlServer" or "FluentMigrator.Extensions.SqlServer" => DatabaseProvider.SqlServer,
            "Microsoft.EntityFrameworkCore.Sqlite" or "FluentMigrator.Runner.SQLite" => DatabaseProvider.Sqlite,
            "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" or "MySql.Data.EntityFrameworkCore" or "FluentMigrator.Runner.MySql" => DatabaseProvider.MySql,
            _ => DatabaseProvider.Unknown,
        };

    private static DatabaseProvider Infer(Compilation compilation)
    {
        var found = DatabaseProvider.Unknown;
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            var provider = ProviderOfAssembly(assembly.Name);
            if (provider == DatabaseProvider.Unknown || provider == found)
            {
                continue;
            }

            if (found != DatabaseProvider.Unknown)
            {
                // Two providers (tests on SQLite, production on PostgreSQL, or a shared project referencing all): a guess.
                return DatabaseProvider.Unknown;
            }

            found = provider;
        }

        return found;
    }
}
