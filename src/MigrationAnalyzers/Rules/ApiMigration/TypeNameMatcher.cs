using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.Rules.ApiMigration;

/// <summary>
/// Finds every place a matched type or namespace is named: declarations, <c>new</c>, generic arguments, <c>typeof</c>,
/// casts, static member access, using directives. Names are filtered by identifier before anything is bound.
/// </summary>
internal static class TypeNameMatcher
{
    public static void Analyze(SyntaxNodeAnalysisContext context, CompiledRuleSet rules)
    {
        var name = (SimpleNameSyntax)context.Node;
        var identifier = name.Identifier.ValueText;
        var mayBeType = rules.MayNameType(identifier);
        if (!mayBeType && !rules.MayNameNamespace(identifier))
        {
            return;
        }

        // Only the rightmost part of a qualified name is looked at; the report covers the whole qualified name.
        var reported = Outermost(name);
        if (reported.Parent is AttributeSyntax || IsDeclaredNamespace(reported))
        {
            return;
        }

        var symbol = context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol;
        if (symbol is null)
        {
            return;
        }

        var matches = symbol is INamespaceSymbol ns ? rules.ForNamespace(ns) : mayBeType && symbol is INamedTypeSymbol type ? rules.ForType(type) : null;
        if (matches is null)
        {
            return;
        }

        foreach (var match in matches)
        {
            if (!rules.AppliesIn(match, name.SyntaxTree))
            {
                continue;
            }

            context.ReportDiagnostic(RuleMatcher.CreateDiagnostic(match, reported.GetLocation(), captures: null, context.SemanticModel, rules.FrameworkOf(name.SyntaxTree)));
        }
    }

    private static SyntaxNode Outermost(SimpleNameSyntax name)
    {
        SyntaxNode current = name;
        while (current.Parent is QualifiedNameSyntax qualified && qualified.Right == current
            || current.Parent is AliasQualifiedNameSyntax alias && alias.Name == current
            || current.Parent is MemberAccessExpressionSyntax access && access.Name == current && IsNamespaceOrTypeQualifier(access.Expression))
        {
            current = current.Parent;
        }

        return current;
    }

    private static bool IsNamespaceOrTypeQualifier(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax or GenericNameSyntax;

    private static bool IsDeclaredNamespace(SyntaxNode node)
    {
        for (var current = node; current is NameSyntax; current = current.Parent!)
        {
            if (current.Parent is BaseNamespaceDeclarationSyntax declaration && declaration.Name == current)
            {
                return true;
            }
        }

        return false;
    }
}
