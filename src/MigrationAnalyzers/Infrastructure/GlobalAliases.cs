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

    public static HashSet<string> Of(Compilation compilation)
        => SameContentCache.For(compilation).GetOrAdd("global-aliases", () => Read(compilation));

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
