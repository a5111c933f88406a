using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// The names of the <c>global using Alias = …;</c> directives of a compilation, read once per compilation from the import
/// scopes the compiler already built for binding (no file is read for it), so a name check can tell that a name written
/// in one file may be another file's alias.
/// </summary>
internal static class GlobalAliases
{
    private static readonly ConditionalWeakTable<Compilation, HashSet<string>> Cache = new ConditionalWeakTable<Compilation, HashSet<string>>();

    public static HashSet<string> Of(SemanticModel model)
        => Cache.GetValue(model.Compilation, _ => Read(model));

    private static HashSet<string> Read(SemanticModel model)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var root = model.SyntaxTree.GetRoot();
        foreach (var scope in model.GetImportScopes(root.SpanStart))
        {
            foreach (var alias in scope.Aliases)
            {
                // The file's own aliases are in these scopes too; only a global directive names the alias everywhere.
                foreach (var reference in alias.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is UsingDirectiveSyntax directive && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                    {
                        names.Add(alias.Name);
                    }
                }
            }
        }

        return names;
    }
}
