using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MigrationAnalyzers.Tests.Infrastructure.Sqlite;

/// <summary>
/// Compiles migration sources against the EF Core and FluentMigrator assemblies the test process runs with,
/// and loads the result into a context of its own, so two versions of the same migrations can run side by side.
/// </summary>
public static class InMemoryCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new Lazy<MetadataReference[]>(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    public static Assembly Compile(IEnumerable<string> sources)
    {
        var name = "Migrations_" + Guid.NewGuid().ToString("N");
        var compilation = CSharpCompilation.Create(
            name,
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
        {
            throw new InvalidOperationException("The migrations do not compile:\n" + string.Join("\n", errors));
        }

        stream.Position = 0;
        return new AssemblyLoadContext(name).LoadFromStream(stream);
    }
}
