using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compiles EF Core migrations (with their DbContext and Designer files) and runs them on an in-memory SQLite database,
/// so tests can check what a migration — before or after a code fix — really does.
/// </summary>
public sealed class EfCoreSqliteRunner : IDisposable
{
    private readonly AssemblyLoadContext _loadContext = new AssemblyLoadContext("migrations-under-test", isCollectible: true);
    private readonly Type _contextType;

    public EfCoreSqliteRunner(IEnumerable<(string Path, string Text)> sources)
    {
        var compilation = CSharpCompilation.Create(
            "Shop.Data.Migrations" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Path)),
            FixApplier.RuntimeReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("The migrations do not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        stream.Position = 0;
        var assembly = _loadContext.LoadFromStream(stream);
        _contextType = assembly.GetTypes().Single(t => typeof(DbContext).IsAssignableFrom(t));
        Connection = new SqliteConnection("Data Source=:memory:");
        Connection.Open();
    }

    public SqliteConnection Connection { get; }

    /// <summary>Migrates up (or down) to <paramref name="migrationId"/>; null for the latest.</summary>
    public void MigrateTo(string? migrationId = null)
    {
        var optionsBuilder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(_contextType))!;
        optionsBuilder.UseSqlite(Connection);
        using var context = (DbContext)Activator.CreateInstance(_contextType, optionsBuilder.Options)!;
        context.GetService<IMigrator>().Migrate(migrationId);
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public List<object?[]> Query(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var index = 0; index < row.Length; index++)
            {
                row[index] = reader.IsDBNull(index) ? null : reader.GetValue(index);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The column names of <paramref name="table"/>.</summary>
    public List<string> Columns(string table) => Query($"SELECT name FROM pragma_table_info('{table}')").Select(r => (string)r[0]!).ToList();

    public void Dispose()
    {
        Connection.Dispose();
        _loadContext.Unload();
    }
}
