using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compiles C# sources in memory against the assemblies this test process runs on (the real EF Core, SQLite provider
/// and FluentMigrator packages) and loads the result, so migrations written or fixed by a test can be executed.
/// </summary>
public static class InMemoryCompiler
{
    private static int _counter;

    /// <summary>Compiles and loads <paramref name="sources"/>; throws with the compiler's errors when they do not compile.</summary>
    public static Assembly Compile(IEnumerable<string> sources, string? assemblyName = null)
    {
        var name = assemblyName ?? "Migrations" + Interlocked.Increment(ref _counter) + "_" + Guid.NewGuid().ToString("N")[..8];
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")).ToList();
        var compilation = CSharpCompilation.Create(
            name,
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException("The sources do not compile:\n" + string.Join("\n", errors));
        }

        stream.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(stream);
    }

    /// <summary>
    /// Every assembly loaded in the test process that lives in a file: the runtime and the real packages — except the
    /// other databases' providers. The migrations compiled here run on SQLite; the PostgreSQL, SQL Server and MySQL
    /// providers are loaded only by the tests that prove provider behaviour, and referencing them would make the analyzers
    /// infer another database, or several, depending on which tests happened to run first.
    /// </summary>
    public static IReadOnlyList<MetadataReference> References()
        => FrameworkAssemblies.Concat(AppDomain.CurrentDomain.GetAssemblies())
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location) && !IsOtherDatabaseProvider(a.GetName().Name))
            .GroupBy(a => a.GetName().Name)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First().Location))
            .ToList();

    private static bool IsOtherDatabaseProvider(string? name)
        => name is not null
            && (name.StartsWith("Npgsql", StringComparison.Ordinal)
                || name.StartsWith("Pomelo.", StringComparison.Ordinal)
                || name.StartsWith("MySqlConnector", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.EntityFrameworkCore.SqlServer", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Data.SqlClient", StringComparison.Ordinal)
                || name.StartsWith("FluentMigrator.Runner.Postgres", StringComparison.Ordinal));

    /// <summary>The framework assemblies migrations refer to, loaded so they are among <see cref="References"/>.</summary>
    private static readonly Assembly[] FrameworkAssemblies = LoadFrameworks();

    private static Assembly[] LoadFrameworks()
    {
        var assemblies = new List<Assembly>
        {
            typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly,
            typeof(Microsoft.EntityFrameworkCore.Migrations.Migration).Assembly,
            typeof(Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions).Assembly,
            typeof(FluentMigrator.Migration).Assembly,
            typeof(FluentMigrator.Runner.IMigrationRunner).Assembly,
            typeof(System.ComponentModel.DataAnnotations.KeyAttribute).Assembly,
            typeof(System.Linq.Expressions.Expression).Assembly,
        };
        // And what they are built on (EF Core's Abstractions holds DeleteBehavior, FluentMigrator.Abstractions the fluent interfaces).
        var names = assemblies.SelectMany(a => a.GetReferencedAssemblies()).Select(a => a.FullName)
            .Concat(new[] { "System.Runtime", "netstandard", "System.Collections" })
            .Distinct()
            .ToList();
        foreach (var name in names)
        {
            try
            {
                assemblies.Add(Assembly.Load(name));
            }
            catch (IOException)
            {
                // Not part of this runtime: nothing to reference.
            }
        }

        return assemblies.ToArray();
    }
}
