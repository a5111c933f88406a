using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1150 (EF Core): runs raw SQL with a CONCURRENTLY statement outside the migration's transaction, by passing
/// <c>suppressTransaction: true</c> to <c>migrationBuilder.Sql</c> (or switching an explicit <c>false</c> to true).
/// Without it the migration cannot run at all, so the fix only makes possible what the SQL already asks for.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuppressTransactionCodeFix)), Shared]
public sealed class SuppressTransactionCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = RuleIds.ConcurrentIndexInTransaction + ".SuppressTransaction";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.ConcurrentIndexInTransaction);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ConcurrentIndexInTransactionAnalyzer.FixProperty, out var fix)
                || fix != "Sql"
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sql" },
                } call)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Run the SQL outside the transaction", ct => FixAsync(context.Document, call, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var arguments = call.ArgumentList.Arguments;
        var trueLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);

        // Sql(sql, suppressTransaction, operationKind…): a second positional argument is suppressTransaction.
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            var isSuppress = argument.NameColon?.Name.Identifier.ValueText == "suppressTransaction"
                             || (argument.NameColon is null && index == 1);
            if (isSuppress)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, trueLiteral.WithTriviaFrom(argument.Expression)));
            }
        }

        var named = SyntaxFactory.Argument(trueLiteral)
            .WithNameColon(SyntaxFactory.NameColon("suppressTransaction"));
        var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        var list = call.ArgumentList.WithArguments(arguments.Count == 0
            ? arguments.Add(named)
            : SyntaxFactory.SeparatedList<ArgumentSyntax>(arguments.GetWithSeparators().Add(separator).Add(named)));
        return document.WithSyntaxRoot(root.ReplaceNode(call.ArgumentList, list));
    }
}
