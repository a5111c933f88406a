using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1190: the new table's int identity column becomes bigint, and so do the int columns of tables the same migration
/// creates whose foreign keys refer to it (the analyzer passes them as additional locations). EF Core:
/// <c>Column&lt;int&gt;</c> → <c>Column&lt;long&gt;</c> and the store type (<c>integer</c> → <c>bigint</c>, <c>serial</c> →
/// <c>bigserial</c>); FluentMigrator: <c>AsInt32()</c> → <c>AsInt64()</c>. Offered only when the analyzer found every
/// reference rewritable; the migration's tables are new, so no row is rewritten.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BigintIdentityCodeFix)), Shared]
public sealed class BigintIdentityCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = RuleIds.IntIdentityOnNewTable + ".Bigint";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.IntIdentityOnNewTable);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(IntIdentityOnNewTableAnalyzer.FixProperty, out var fix)
                || fix != IntIdentityOnNewTableAnalyzer.FixValue)
            {
                continue;
            }

            var locations = ColumnListPlacement.RuleLocations(diagnostic);
            if (locations.Any(location => location.SourceTree != root.SyntaxTree))
            {
                continue;
            }

            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            if (!locations.All(location => Collect(root, location, edits)))
            {
                continue;
            }

            context.RegisterCodeFix(
                SyntaxEditAction.Create(
                    "Make the key and the columns that refer to it bigint",
                    context.Document,
                    current => current.ReplaceNodes(edits.Keys, (original, _) => edits[original]),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Adds the edits that widen the column at <paramref name="location"/>; false when it is not written as expected.</summary>
    private static bool Collect(SyntaxNode root, Location location, Dictionary<SyntaxNode, SyntaxNode> edits)
    {
        var token = root.FindToken(location.SourceSpan.Start);

        // FluentMigrator: the location starts at AsInt32 / AsCustom.
        if (token.Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } } name)
        {
            switch (name.Identifier.ValueText)
            {
                case "AsInt32":
                    edits[name] = SyntaxFactory.IdentifierName("AsInt64").WithTriviaFrom(name);
                    return true;
                case "AsCustom":
                    return invocation.ArgumentList.Arguments.Count == 1 && WidenLiteral(invocation.ArgumentList.Arguments[0].Expression, edits);
            }
        }

        // EF Core: the location is the column expression, table.Column<int>(type: "integer", …).Annotation(…).
        var column = root.FindNode(location.SourceSpan, getInnermostNodeForTie: false);
        if (column.DescendantNodesAndSelf().OfGenericColumnCall() is not { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic } access
            || access.Parent is not InvocationExpressionSyntax call)
        {
            return false;
        }

        var typeArgument = generic.TypeArgumentList.Arguments[0];
        var element = typeArgument is NullableTypeSyntax nullable ? nullable.ElementType : typeArgument;
        if (element is not PredefinedTypeSyntax predefined || !predefined.Keyword.IsKind(SyntaxKind.IntKeyword))
        {
            return false;
        }

        edits[predefined] = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.LongKeyword)).WithTriviaFrom(predefined);
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == "type" && !WidenLiteral(argument.Expression, edits))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WidenLiteral(ExpressionSyntax expression, Dictionary<SyntaxNode, SyntaxNode> edits)
    {
        if (expression is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression)
            || !BigintWidening.WiderStoreTypes.TryGetValue(StoreTypeArgument.Normalized(literal.Token.ValueText), out var wider))
        {
            return false;
        }

        edits[literal] = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(wider)).WithTriviaFrom(literal);
        return true;
    }
}
