using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.CodeFixes.ApiMigration.Rewriters;

/// <summary>
/// Builds syntax from a pack template: captures are spliced in as the user's own syntax nodes (trivia and all),
/// never through text, and the template's fully qualified names are marked so the fix imports and shortens them.
/// </summary>
internal static class TemplateExpander
{
    private const string Placeholder = "__migration_capture_";
    private const string ArgsPlaceholder = "__migration_args__";

    /// <summary>The expression for <paramref name="template"/>, or null when it does not parse or a capture is missing.</summary>
    public static ExpressionSyntax? Expand(string template, Captures captures)
    {
        var names = new List<string>();
        var text = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (TemplateText.IsEscapedBrace(template, i))
            {
                // {{ and }} are literal braces (object initializers, lambdas with bodies).
                text.Append(template[i]);
                i += 2;
                continue;
            }

            if (template[i] != '{')
            {
                text.Append(template[i++]);
                continue;
            }

            var end = template.IndexOf('}', i);
            var name = template.Substring(i + 1, end - i - 1).Trim();
            if (name == "args")
            {
                text.Append(ArgsPlaceholder);
            }
            else
            {
                if (!captures.Has(name))
                {
                    return null;
                }

                text.Append(Placeholder).Append(names.Count).Append("__");
                names.Add(name);
            }

            i = end + 1;
        }

        var parsed = SyntaxFactory.ParseExpression(text.ToString());
        if (parsed.ContainsDiagnostics)
        {
            return null;
        }

        parsed = MarkQualifiedNames(parsed);
        return Splice(parsed, names, captures);
    }

    /// <summary>Names written <c>global::A.B.C</c> get the simplifier and import annotations.</summary>
    public static TNode MarkQualifiedNames<TNode>(TNode node)
        where TNode : SyntaxNode
    {
        var outermost = node.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>()
            .Where(alias => alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword))
            .Select(alias => Outermost(alias))
            .ToList();
        return node.ReplaceNodes(outermost, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
    }

    private static SyntaxNode Outermost(SyntaxNode node)
    {
        while (node.Parent is QualifiedNameSyntax qualified && qualified.Left == node
            || node.Parent is MemberAccessExpressionSyntax access && access.Expression == node)
        {
            node = node.Parent;
        }

        return node;
    }

    private static ExpressionSyntax Splice(ExpressionSyntax parsed, List<string> names, Captures captures)
    {
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var identifier in parsed.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var text = identifier.Identifier.ValueText;
            if (!text.StartsWith(Placeholder, StringComparison.Ordinal))
            {
                continue;
            }

            var index = int.Parse(text.Substring(Placeholder.Length, text.Length - Placeholder.Length - 2), System.Globalization.CultureInfo.InvariantCulture);
            var value = captures.Get(names[index])!;
            if (value is ExpressionSyntax expression && identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier && NeedsParentheses(expression))
            {
                value = SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()).WithTriviaFrom(expression);
            }

            replacements[identifier] = value;
        }

        var argumentLists = parsed.DescendantNodesAndSelf().OfType<ArgumentListSyntax>()
            .Where(list => list.Arguments.Any(IsArgsPlaceholder))
            .ToList();
        var result = parsed.ReplaceNodes(
            replacements.Keys.Concat(argumentLists),
            (original, rewritten) => original is ArgumentListSyntax ? SpliceArgs((ArgumentListSyntax)rewritten, captures) : replacements[original]);
        return result;
    }

    private static bool IsArgsPlaceholder(ArgumentSyntax argument)
        => argument.Expression is IdentifierNameSyntax { Identifier.ValueText: ArgsPlaceholder };

    private static ArgumentListSyntax SpliceArgs(ArgumentListSyntax list, Captures captures)
    {
        var arguments = new List<ArgumentSyntax>();
        foreach (var argument in list.Arguments)
        {
            if (IsArgsPlaceholder(argument))
            {
                arguments.AddRange(captures.Arguments.OfType<ArgumentSyntax>());
                arguments.AddRange(captures.Arguments.OfType<AttributeArgumentSyntax>().Select(ToArgument));
            }
            else
            {
                arguments.Add(argument);
            }
        }

        // Separators as the user wrote them are on the captured arguments' own trivia; a plain ", " joins the rest.
        return list.WithArguments(SyntaxFactory.SeparatedList(
            arguments,
            Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), Math.Max(0, arguments.Count - 1))));
    }

    private static ArgumentSyntax ToArgument(AttributeArgumentSyntax argument)
        => argument.NameColon is not null
            ? SyntaxFactory.Argument(argument.NameColon, default, argument.Expression)
            : SyntaxFactory.Argument(argument.Expression);

    private static bool NeedsParentheses(ExpressionSyntax expression)
        => expression is not (IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or LiteralExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax
            or ParenthesizedExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
            or PredefinedTypeSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or InterpolatedStringExpressionSyntax);
}
