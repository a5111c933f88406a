using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary>
/// <c>attribute T:New.NameAttribute(TEMPLATE)</c>: another attribute, its arguments built from the old one's captures
/// (<c>{0}</c> positional, <c>{Name}</c> named). <c>Name = value</c> in the template becomes a named argument.
/// </summary>
internal static class AttributeRewriter
{
    public static RewritePlan? Plan(SyntaxNode reported, RewriteSpec rewrite, SemanticModel model)
    {
        if (reported is not AttributeSyntax attribute || RuleResolver.ResolveType(rewrite.AttributeTypeId, model.Compilation) is not { } target)
        {
            return null;
        }

        var constructor = model.GetSymbolInfo(attribute).Symbol as IMethodSymbol;
        var captures = Captures.ForAttribute(attribute, constructor);
        AttributeArgumentListSyntax? arguments = null;
        if (rewrite.AttributeArgumentTemplate is { } template)
        {
            if (TemplateExpander.Expand("__attribute(" + template + ")", captures) is not InvocationExpressionSyntax built)
            {
                return null;
            }

            arguments = SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(built.ArgumentList.Arguments.Select(ToAttributeArgument), built.ArgumentList.Arguments.GetSeparators()));
        }

        var name = ChangeTypeRewriter.QualifiedName(target, typeArguments: null);
        name = ShortenAttributeSuffix(name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var replacement = SyntaxFactory.Attribute(name, arguments).WithTriviaFrom(attribute);
        return SpeculativeCheck.AttributeBinds(model, attribute, replacement) ? new RewritePlan(attribute, replacement) : null;
    }

    private static AttributeArgumentSyntax ToAttributeArgument(ArgumentSyntax argument)
    {
        if (argument.Expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax property } assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            return SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(property), null, assignment.Right);
        }

        return SyntaxFactory.AttributeArgument(null, argument.NameColon, argument.Expression);
    }

    private static NameSyntax ShortenAttributeSuffix(NameSyntax name)
    {
        static SimpleNameSyntax Trim(SimpleNameSyntax simple)
        {
            var text = simple.Identifier.ValueText;
            return text.Length > "Attribute".Length && text.EndsWith("Attribute", System.StringComparison.Ordinal)
                ? SyntaxFactory.IdentifierName(text.Substring(0, text.Length - "Attribute".Length))
                : simple;
        }

        return name switch
        {
            QualifiedNameSyntax qualified => qualified.WithRight(Trim(qualified.Right)),
            AliasQualifiedNameSyntax alias => alias.WithName(Trim(alias.Name)),
            _ => name,
        };
    }
}
