using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Tests.Consistency;

/// <summary>
/// The analyzer assembly's folders form layers, written once in README's architecture section as
/// "Layers, lowest first: A → B → …". Each folder is a namespace, and code may use its own layer and the layers below
/// it, never one above. The check binds the real sources, so a dependency counts whether it comes from a
/// <c>using</c>, a qualified name or a <c>using static</c>.
/// </summary>
public class LayerTests
{
    private static readonly Regex LayerLine = new(@"^Layers, lowest first: (?<layers>.+)$", RegexOptions.Multiline);

    private readonly ITestOutputHelper output;

    public LayerTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void No_namespace_depends_on_a_layer_above_it()
    {
        var layers = ReadmeLayers();
        var edges = NamespaceDependencies();

        var unknown = edges.Select(edge => edge.From).Concat(edges.Select(edge => edge.To)).Distinct()
            .Where(name => LayerOf(name, layers) < 0).OrderBy(name => name, StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, "Folders missing from README's layer line: " + string.Join(", ", unknown));

        var upward = edges
            .Where(edge => LayerOf(edge.To, layers) > LayerOf(edge.From, layers))
            .Select(edge => $"{edge.From} uses {edge.To} ({edge.Where})")
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();
        foreach (var line in upward)
        {
            output.WriteLine(line);
        }

        Assert.True(upward.Count == 0, "Upward dependencies:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void Every_folder_of_the_analyzer_assembly_is_a_namespace_of_its_own()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "MigrationAnalyzers");
        var misplaced = SourceFiles().Where(file =>
        {
            var folder = Path.GetDirectoryName(Path.GetRelativePath(source, file.Path))!.Replace(Path.DirectorySeparatorChar, '.');
            var expected = folder.Length == 0 ? "MigrationAnalyzers" : "MigrationAnalyzers." + folder;
            var name = NamespaceOf(file.Tree);

            // Polyfills/ declares the types the compiler looks for in System's own namespaces.
            return name != expected && !(folder == "Polyfills" && name.StartsWith("System", StringComparison.Ordinal));
        }).Select(file => Path.GetRelativePath(source, file.Path)).ToList();

        Assert.True(misplaced.Count == 0, "Namespace does not match folder: " + string.Join(", ", misplaced));
    }

    private static IReadOnlyList<string> ReadmeLayers()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var match = LayerLine.Match(readme);
        Assert.True(match.Success, "README's architecture section must have a line 'Layers, lowest first: A → B → …'.");
        return match.Groups["layers"].Value.Split('→').Select(layer => layer.Trim().Trim('`', '/')).ToList();
    }

    /// <summary>The layer of a namespace below <c>MigrationAnalyzers</c>: its first name, or its first two under Rules.</summary>
    private static int LayerOf(string folder, IReadOnlyList<string> layers)
    {
        for (var index = 0; index < layers.Count; index++)
        {
            if (folder == layers[index] || folder.StartsWith(layers[index] + ".", StringComparison.Ordinal))
            {
                return index;
            }
        }

        return -1;
    }

    private sealed record Edge(string From, string To, string Where);

    private static List<Edge> NamespaceDependencies()
    {
        var files = SourceFiles();
        var compilation = CSharpCompilation.Create(
            "LayerCheck",
            files.Select(file => file.Tree),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var edges = new Dictionary<(string, string), Edge>();
        foreach (var (path, tree) in files)
        {
            var from = Folder(NamespaceOf(tree));
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var to = symbol is null ? null : Folder(OwningNamespace(symbol));
                if (to is null || from is null || to == from)
                {
                    continue;
                }

                var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                var where = $"{Path.GetFileName(path)}:{line} {name.Identifier.ValueText}";
                edges[(from, to)] = edges.TryGetValue((from, to), out var known)
                    ? known with { Where = known.Where.Split(", ").Length < 6 ? known.Where + ", " + where : known.Where }
                    : new Edge(from, to, where);
            }
        }

        return edges.Values.ToList();
    }

    private static string? OwningNamespace(ISymbol symbol)
    {
        if (symbol is INamespaceSymbol)
        {
            return null;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        while (type?.ContainingType is not null)
        {
            type = type.ContainingType;
        }

        return type?.ContainingNamespace?.ToDisplayString();
    }

    /// <summary><c>MigrationAnalyzers.History</c> → <c>History</c>; namespaces outside the assembly → null.</summary>
    private static string? Folder(string? name)
    {
        const string Root = "MigrationAnalyzers.";
        return name is not null && name.StartsWith(Root, StringComparison.Ordinal) ? name.Substring(Root.Length) : null;
    }

    private static string NamespaceOf(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? "";

    private static List<(string Path, SyntaxTree Tree)> SourceFiles()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "MigrationAnalyzers");
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (path, CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path)))
            .ToList();
    }

    /// <summary>The running platform's assemblies and Roslyn's own: enough to bind every name the sources use.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Concat(new[] { typeof(CSharpCompilation).Assembly.Location, typeof(Compilation).Assembly.Location })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
