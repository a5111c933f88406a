using System.Collections.Immutable;
using System.Composition;
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
/// MIG1191: a column the migration creates or adds gets <c>"jsonb"</c> instead of <c>"json"</c> (EF Core <c>type:</c>,
/// FluentMigrator <c>AsCustom</c>). Offered only where the analyzer set the fix property: the column is new (no table
/// rewrite) and its type is a string literal. jsonb normalizes the stored text (key order, whitespace, duplicate keys),
/// which the title says.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(JsonbColumnTypeCodeFix)), Shared]
public sealed class JsonbColumnTypeCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = RuleIds.JsonInsteadOfJsonb + ".Jsonb";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.JsonInsteadOfJsonb);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(JsonInsteadOfJsonbAnalyzer.FixProperty, out var fix)
                || fix != JsonInsteadOfJsonbAnalyzer.FixValue
                || root?.FindNode(ColumnListPlacement.ColumnLocation(diagnostic).SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            context.RegisterCodeFix(
                SyntaxEditAction.Create(
                    "Store the new column as jsonb (parsed once; key order and whitespace are not kept)",
                    context.Document,
                    current => current.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("jsonb")).WithTriviaFrom(literal)),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
