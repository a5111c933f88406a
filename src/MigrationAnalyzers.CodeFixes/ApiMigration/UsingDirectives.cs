using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace MigrationAnalyzers.CodeFixes.ApiMigration;

/// <summary>Adding the usings a rewrite needs and removing the old API's using once nothing in the file needs it.</summary>
internal static class UsingDirectives
{
    public static async Task<Document> RemoveUnusedAsync(Document document, IReadOnlyCollection<string> namespaces, CancellationToken cancellationToken)
    {
        if (namespaces.Count == 0)
        {
            return document;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var candidates = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Where(directive => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is not null && namespaces.Contains(Normalize(directive.Name.ToString())))
            .ToList();
        if (candidates.Count == 0)
        {
            return document;
        }

        var used = UsedNamespaces(root, model, cancellationToken);
        var unused = candidates.Where(directive => !used.Contains(Normalize(directive.Name!.ToString()))).ToList();
        if (unused.Count == 0)
        {
            return document;
        }

        // A file header or comment above a using stays; plain blank lines go with it.
        var withComments = unused.Where(directive => directive.GetLeadingTrivia().Any(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))).ToList();
        var plain = unused.Except(withComments).ToList();
        root = root.RemoveNodes(plain, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        if (withComments.Count > 0)
        {
            var tracked = root.DescendantNodes().OfType<UsingDirectiveSyntax>().Where(directive => withComments.Any(original => original.IsEquivalentTo(directive))).ToList();
            root = root.RemoveNodes(tracked, SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        }

        return document.WithSyntaxRoot(root);
    }

    /// <summary>
    /// The namespaces of the fully qualified names a rewrite wrote (marked with <see cref="Simplifier.AddImportsAnnotation"/>),
    /// leaving out any namespace whose import would make a name already used in the file ambiguous.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> NamespacesOfAnnotatedNamesAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (root is null || model is null)
        {
            return result;
        }

        foreach (var annotated in root.GetAnnotatedNodes(Simplifier.AddImportsAnnotation))
        {
            // global::A.B.Type.Member: the longest prefix that is a namespace.
            INamespaceSymbol? found = null;
            for (SyntaxNode? node = annotated.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>().FirstOrDefault(); node is not null && node != annotated.Parent; node = node.Parent)
            {
                if (model.GetSymbolInfo(node, cancellationToken).Symbol is INamespaceSymbol ns)
                {
                    found = ns;
                }
                else if (found is not null)
                {
                    break;
                }
            }

            if (found is { IsGlobalNamespace: false } && !WouldBeAmbiguous(found, root, model, cancellationToken))
            {
                result.Add(found.ToDisplayString());
            }
        }

        return result;
    }

    /// <summary>The rule's extra namespaces that can be imported without making a name in the file ambiguous.</summary>
    public static async Task<IReadOnlyCollection<string>> WithoutAmbiguityAsync(Document document, IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return Array.Empty<string>();
        }

        return namespaces
            .Where(name => Resolve(model.Compilation, name) is { } ns && !WouldBeAmbiguous(ns, root, model, cancellationToken))
            .ToList();
    }

    private static INamespaceSymbol? Resolve(Compilation compilation, string name)
    {
        INamespaceSymbol? current = compilation.GlobalNamespace;
        foreach (var part in name.Split('.'))
        {
            current = current?.GetNamespaceMembers().FirstOrDefault(ns => ns.Name == part);
        }

        return current;
    }

    private static bool WouldBeAmbiguous(INamespaceSymbol ns, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var typeNames = new HashSet<string>(ns.GetTypeMembers().Select(type => type.Name), StringComparer.Ordinal);
        var nsName = ns.ToDisplayString();
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var text = name.Identifier.ValueText;
            if (!typeNames.Contains(text) && !typeNames.Contains(text + "Attribute"))
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            var type = symbol as INamedTypeSymbol ?? (symbol as IMethodSymbol)?.ContainingType;
            // Namespaces are compared by name: a type's namespace symbol belongs to its assembly, the looked-up one to the compilation.
            if (type is not null && type.ContainingNamespace.ToDisplayString() != nsName && !(name.Parent is QualifiedNameSyntax q && q.Right == name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The namespaces the file imports with plain using directives.</summary>
    public static async Task<IReadOnlyCollection<string>> ImportedAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null
            ? Array.Empty<string>()
            : root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
                .Where(directive => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is not null)
                .Select(directive => Normalize(directive.Name!.ToString()))
                .ToList();
    }

    public static async Task<Document> AddAsync(Document document, IReadOnlyCollection<string> namespaces, CancellationToken cancellationToken)
    {
        if (namespaces.Count == 0 || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var present = new HashSet<string>(root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
            .Where(directive => directive.Alias is null && directive.Name is not null)
            .Select(directive => Normalize(directive.Name!.ToString())), StringComparer.Ordinal);
        var usings = root.Usings;
        var newLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (newLine.IsKind(SyntaxKind.None))
        {
            newLine = SyntaxFactory.EndOfLine("\n");
        }

        var addedToEmpty = usings.Count == 0;
        foreach (var ns in namespaces.Where(ns => !present.Contains(ns)).OrderBy(ns => ns, StringComparer.Ordinal))
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).WithTrailingTrivia(newLine);
            var index = 0;
            while (index < usings.Count && Compare(Normalize(usings[index].Name?.ToString() ?? string.Empty), ns) < 0)
            {
                index++;
            }

            usings = usings.Insert(index, directive);
        }

        var codeStartsWithBlankLine = root.Members.FirstOrDefault()?.GetLeadingTrivia().FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia) == true;
        if (addedToEmpty && usings.Count > 0 && !codeStartsWithBlankLine)
        {
            // A file without usings gets a blank line between the new usings and the code.
            usings = usings.Replace(usings.Last(), usings.Last().WithTrailingTrivia(newLine, newLine));
        }

        return document.WithSyntaxRoot(root.WithUsings(usings));
    }

    /// <summary>The namespaces the code being replaced bound through; their usings may become unused.</summary>
    public static HashSet<string> NamespacesUsedBy(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        => UsedNamespaces(node, model, cancellationToken, includeSelf: true);

    /// <summary>Namespaces that unqualified names in the file bind through: types, attributes and extension methods.</summary>
    private static HashSet<string> UsedNamespaces(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken, bool includeSelf = false)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (includeSelf ? root.DescendantNodesAndSelf() : root.DescendantNodes()).OfType<SimpleNameSyntax>())
        {
            if (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name
                || name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name
                || name.Ancestors().Any(ancestor => ancestor is UsingDirectiveSyntax))
            {
                continue;
            }

            // After a dot only extension methods need a using: x.Extension().
            var afterDot = name.Parent is MemberAccessExpressionSyntax access && access.Name == name;
            var info = model.GetSymbolInfo(name, cancellationToken);
            var symbols = info.Symbol is null ? info.CandidateSymbols : ImmutableArray.Create(info.Symbol);
            foreach (var symbol in symbols)
            {
                var ns = symbol switch
                {
                    IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType.ContainingNamespace,
                    _ when afterDot => null,
                    INamedTypeSymbol type => type.ContainingNamespace,
                    IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.ContainingType.ContainingNamespace,
                    _ => null,
                };
                if (ns is { IsGlobalNamespace: false })
                {
                    used.Add(ns.ToDisplayString());
                }
            }
        }

        return used;
    }

    /// <summary>System namespaces first, then ordinal: the order `dotnet format` keeps by default.</summary>
    private static int Compare(string left, string right)
    {
        static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        var bySystem = IsSystem(right).CompareTo(IsSystem(left));
        return bySystem != 0 ? bySystem : string.CompareOrdinal(left, right);
    }

    private static string Normalize(string name) => name.Replace(" ", string.Empty).Replace("global::", string.Empty);
}
