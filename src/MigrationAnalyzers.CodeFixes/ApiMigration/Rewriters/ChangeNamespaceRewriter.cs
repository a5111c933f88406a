using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary><c>namespace New.Namespace</c>: the reported namespace name (in a using directive or a qualified name) is replaced.</summary>
internal static class ChangeNamespaceRewriter
{
    /// <summary>Marks a using directive the rewrite produced, so that one which repeats an existing using is removed instead of kept twice.</summary>
    public const string RewrittenUsing = "MigrationAnalyzers.RewrittenUsing";

    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model)
    {
        var newNamespace = RuleResolver.FindNamespace(rewrite.Argument, model.Compilation);
        if (newNamespace is null)
        {
            return null;
        }

        // A qualified type name must still name a type in the new namespace.
        if (reported.Parent is QualifiedNameSyntax { Right: var right } qualified && qualified.Left == reported
            && model.GetSymbolInfo(qualified).Symbol is INamedTypeSymbol
            && model.Compilation.GetTypeByMetadataName(rewrite.Argument + "." + right.Identifier.ValueText + (right is GenericNameSyntax g ? "`" + g.Arity : string.Empty)) is null)
        {
            return null;
        }

        // Old.Ns.Sub (and a type in it) must exist as New.Ns.Sub: packages drop or move sub-namespaces when they rename the root.
        if (!QualifiedRestExists(reported, rewrite.Argument, model))
        {
            return null;
        }

        // using Old.Ns; → using New.Ns; only when every type the file takes from Old.Ns is also in New.Ns.
        var directive = reported.Parent as UsingDirectiveSyntax;
        if (directive is { Alias: null } && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name == reported
            && model.GetSymbolInfo(reported).Symbol is INamespaceSymbol oldNamespace
            && !EveryImportedTypeMoved(reported.SyntaxTree.GetRoot(), oldNamespace, newNamespace, model))
        {
            return null;
        }

        SyntaxNode replacement = reported is ExpressionSyntax and not NameSyntax
            ? SyntaxFactory.ParseExpression(rewrite.Argument)
            : SyntaxFactory.ParseName(rewrite.Argument);
        if (directive is not null && directive.Name == reported)
        {
            replacement = replacement.WithAdditionalAnnotations(new SyntaxAnnotation(RewrittenUsing));
        }

        return new RewritePlan(reported, replacement.WithTriviaFrom(reported));
    }

    private static bool QualifiedRestExists(SyntaxNode reported, string newNamespace, SemanticModel model)
    {
        var rest = string.Empty;
        SyntaxNode current = reported;
        SyntaxNode outermost = reported;
        while (current.Parent is QualifiedNameSyntax qualified && qualified.Left == current)
        {
            rest += "." + qualified.Right.Identifier.ValueText + (qualified.Right is GenericNameSyntax generic ? "`" + generic.Arity : string.Empty);
            outermost = qualified;
            current = qualified;
        }

        if (outermost == reported)
        {
            return true;
        }

        return model.GetSymbolInfo(outermost).Symbol switch
        {
            INamespaceSymbol => RuleResolver.FindNamespace(newNamespace + rest, model.Compilation) is not null,
            INamedTypeSymbol => model.Compilation.GetTypeByMetadataName(newNamespace + rest) is not null,
            _ => true,
        };
    }

    private static bool EveryImportedTypeMoved(SyntaxNode root, INamespaceSymbol oldNamespace, INamespaceSymbol newNamespace, SemanticModel model)
    {
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            // Names written qualified do not depend on the using; an ambiguous name still counts (both namespaces imported).
            if (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name || name.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null)
            {
                continue;
            }

            var info = model.GetSymbolInfo(name);
            var symbols = info.Symbol is { } symbol ? new[] { symbol } : info.CandidateSymbols.ToArray();
            foreach (var type in symbols.OfType<INamedTypeSymbol>())
            {
                var definition = type.OriginalDefinition;
                if (definition.ContainingType is null
                    && SymbolEqualityComparer.Default.Equals(definition.ContainingNamespace, oldNamespace)
                    && newNamespace.GetTypeMembers(definition.Name, definition.Arity).IsEmpty)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
