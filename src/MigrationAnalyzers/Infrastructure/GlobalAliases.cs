using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Caching;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// The names of the <c>global using Alias = …;</c> directives of a compilation, so a name check can tell that a name
/// written in one file may be another file's alias. Read from the directives themselves (they stand at the top of a
/// file, so no tree is walked further), once for every compilation of the same source. The import scopes of a semantic
/// model were read before: asked at the start of the very file that declares the alias, they do not contain it, and
/// whichever file asked first decided the answer for the whole compilation.
/// </summary>
internal static class GlobalAliases
{
    public static HashSet<string> Of(SemanticModel model) => Of(model.Compilation);

    /// <summary>Asked for every object creation some rule checks by name: a known answer is returned without making the reader's delegate.</summary>
    public static HashSet<string> Of(Compilation compilation)
    {
        var shared = SameContentCache.For(compilation);
        return shared.TryGet<HashSet<string>>(Key, out var known) ? known : shared.GetOrAdd(Key, () => Read(compilation));
    }

    private const string Key = "global-aliases";

    private static HashSet<string> Read(Compilation compilation)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax unit)
            {
                continue;
            }

            foreach (var directive in unit.Usings)
            {
                if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && directive.Alias is { } alias)
                {
                    names.Add(alias.Name.Identifier.ValueText);
                }
            }
        }

        return names;
    }
}
