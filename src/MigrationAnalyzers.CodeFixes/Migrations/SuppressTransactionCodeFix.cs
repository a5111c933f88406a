using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1150: runs a CONCURRENTLY statement outside the migration's transaction. EF Core: passes
/// <c>suppressTransaction: true</c> to <c>migrationBuilder.Sql</c> (or switches an explicit <c>false</c> to true).
/// FluentMigrator: adds <c>TransactionBehavior.None</c> to the <c>[Migration]</c> attribute.
/// Without it the migration cannot run at all, so the fix only makes possible what the SQL already asks for.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuppressTransactionCodeFix)), Shared]
public sealed class SuppressTransactionCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = RuleIds.ConcurrentIndexInTransaction + ".SuppressTransaction";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.ConcurrentIndexInTransaction);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            diagnostic.Properties.TryGetValue(ConcurrentIndexInTransactionAnalyzer.FixProperty, out var fix);
            if (fix == "Attribute")
            {
                await RegisterAttributeFixAsync(context, diagnostic, root).ConfigureAwait(false);
                continue;
            }

            if (fix != "Sql"
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sql" },
                } call)
            {
                continue;
            }

            context.RegisterCodeFix(
                SyntaxEditAction.Create("Run the SQL outside the transaction", context.Document, root => SuppressTransaction(root, call), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// FluentMigrator: <c>[Migration(90)]</c> becomes <c>[Migration(90, TransactionBehavior.None)]</c>, and
    /// <c>[Migration(90, "description")]</c> becomes <c>[Migration(90, TransactionBehavior.None, "description")]</c>
    /// (<see cref="TransactionBehaviorNone"/>). Other forms are left to the user.
    /// </summary>
    private static async Task RegisterAttributeFixAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode? root)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var type = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>();
        if (type is null || model is null || root is null || TransactionBehaviorNone.AttributeOf(model, type, context.CancellationToken) is not { } attribute)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Run the migration without a transaction",
                ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, TransactionBehaviorNone.Add(model, attribute)))),
                EquivalenceKey + ".Attribute"),
            diagnostic);
    }

    private static SyntaxNode SuppressTransaction(SyntaxNode root, InvocationExpressionSyntax call)
    {
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
                return root.ReplaceNode(argument.Expression, trueLiteral.WithTriviaFrom(argument.Expression));
            }
        }

        var named = SyntaxFactory.Argument(trueLiteral)
            .WithNameColon(SyntaxFactory.NameColon("suppressTransaction"));
        var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        var list = call.ArgumentList.WithArguments(arguments.Count == 0
            ? arguments.Add(named)
            : SyntaxFactory.SeparatedList<ArgumentSyntax>(arguments.GetWithSeparators().Add(separator).Add(named)));
        return root.ReplaceNode(call.ArgumentList, list);
    }
}
