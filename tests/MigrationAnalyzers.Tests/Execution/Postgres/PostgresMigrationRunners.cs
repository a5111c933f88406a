using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Robustness;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>Runs the EF Core migrations of a compiled assembly with EF Core's migrator and Npgsql on a PostgreSQL database.</summary>
public sealed class PostgresEfRunner
{
    private readonly Type _contextType;
    private readonly string _connectionString;

    public PostgresEfRunner(Assembly assembly, string connectionString)
    {
        _connectionString = connectionString;
        _contextType = assembly.GetTypes().Single(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract);
        using var context = CreateContext();
        Migrations = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
    }

    public IReadOnlyList<string> Migrations { get; }

    public void MigrateTo(string migration)
    {
        using var context = CreateContext();
        context.GetService<IMigrator>().Migrate(migration);
    }

    /// <summary>The SQL Npgsql generates for the Up operations of <paramref name="migration"/>.</summary>
    public IReadOnlyList<MigrationCommand> UpCommands(string migration)
    {
        using var context = CreateContext();
        var assembly = context.GetService<IMigrationsAssembly>();
        var instance = assembly.CreateMigration(assembly.Migrations[migration], context.Database.ProviderName!);
        return context.GetService<IMigrationsSqlGenerator>().Generate(instance.UpOperations, context.Model);
    }

    private DbContext CreateContext()
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(_contextType))!;
        builder.UseNpgsql(_connectionString);
        return (DbContext)Activator.CreateInstance(_contextType, builder.Options)!;
    }
}

/// <summary>Runs the FluentMigrator migrations of a compiled assembly with FluentMigrator's runner on PostgreSQL.</summary>
public sealed class PostgresFluentRunner : IDisposable
{
    private readonly ServiceProvider _services;

    public PostgresFluentRunner(Assembly assembly, string connectionString)
    {
        _services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddPostgres()
                .WithGlobalConnectionString(connectionString)
                .ScanIn(assembly).For.Migrations())
            .Configure<RunnerOptions>(options => options.AllowBreakingChange = true)
            .BuildServiceProvider(validateScopes: false);
        Migrations = Runner().MigrationLoader.LoadMigrations().Keys.OrderBy(v => v).ToList();
    }

    public IReadOnlyList<long> Migrations { get; }

    public void MigrateUp(long version) => Runner().MigrateUp(version);

    public void MigrateDown(long version) => Runner().MigrateDown(version);

    private IMigrationRunner Runner() => _services.GetRequiredService<IMigrationRunner>();

    public void Dispose() => _services.Dispose();
}

/// <summary>What the fixed sources look like to every analyzer of the package: the fix must add no new MIG diagnostic.</summary>
public static class PackageDiagnostics
{
    public static async Task<IReadOnlyList<string>> OfAsync(IEnumerable<string> sources, IReadOnlyDictionary<string, string> settings)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"/0/Source{i}.cs"));
        var compilation = CSharpCompilation.Create(
            "Check",
            trees,
            InMemoryCompiler.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = TestAnalyzerConfig.Create(settings.ToDictionary(pair => pair.Key, pair => pair.Value));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.CreateRange(RuleInventory.Analyzers), options)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("MIG", StringComparison.Ordinal))
            .Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture))
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Rows of a query, one string each, columns joined by " | ".</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
