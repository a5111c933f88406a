using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1060 (EF Core): builds the index concurrently (PostgreSQL) or online (SQL Server) by adding the provider's
/// annotation, or drops a PostgreSQL index with <c>DROP INDEX CONCURRENTLY</c> outside the transaction.
/// Npgsql runs a concurrently created index outside the transaction by itself, so the annotation is all it takes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonBlockingIndexCodeFix)), Shared]
public sealed class NonBlockingIndexCodeFix : CodeFixProvider
{
    public const string ConcurrentlyKey = RuleIds.BlockingIndexChange + ".Concurrently";
    public const string OnlineKey = RuleIds.BlockingIndexChange + ".Online";
    public const string DropConcurrentlyKey = RuleIds.BlockingIndexChange + ".DropConcurrently";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.BlockingIndexChange);

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
            // FluentMigrator chains need an extension namespace and a non-transactional migration: left to the page.
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false) is not InvocationExpressionSyntax operation
                || operation.Parent is not ExpressionStatementSyntax
                || !IsEfCoreOperation(operation))
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(BlockingIndexChangeAnalyzer.DatabaseProperty, out var database);
            diagnostic.Properties.TryGetValue(BlockingIndexChangeAnalyzer.ChangeProperty, out var change);

            // PostgreSQL runs a concurrent index change outside the transaction: next to other operations it would trade
            // this warning for MIG1070 (a half-applied migration on failure). The page's first step, a migration of its own, comes first.
            if ((database == BlockingIndexChangeAnalyzer.PostgreSql || change == "Drop") && !IsOnlyStatement(operation))
            {
                continue;
            }
            if (change == "Create")
            {
                var (annotation, title, key) = database == BlockingIndexChangeAnalyzer.PostgreSql
                    ? (ProviderAnnotations.NpgsqlCreatedConcurrently, "Create the index concurrently", ConcurrentlyKey)
                    : (ProviderAnnotations.SqlServerOnline, "Create the index online", OnlineKey);
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => SetAnnotationAsync(context.Document, operation, annotation, ct), key),
                    diagnostic);
            }
            else if (change == "Drop"
                     && diagnostic.Properties.TryGetValue(BlockingIndexChangeAnalyzer.IndexNameProperty, out var name)
                     && name is not null
                     && operation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DropIndex" } dropIndex)
            {
                diagnostic.Properties.TryGetValue(BlockingIndexChangeAnalyzer.SchemaProperty, out var schema);
                context.RegisterCodeFix(
                    SyntaxEditAction.Create(
                        "Drop the index concurrently, outside the transaction",
                        context.Document,
                        root => DropConcurrently(root, operation, dropIndex.Expression, schema, name),
                        DropConcurrentlyKey),
                    diagnostic);
            }
        }
    }

    private static bool IsOnlyStatement(InvocationExpressionSyntax operation)
        => operation.Parent is ExpressionStatementSyntax { Parent: BlockSyntax { Statements.Count: 1 } };

    /// <summary>An EF Core call (<c>migrationBuilder.CreateIndex(…)</c>, possibly with annotations), not a FluentMigrator chain.</summary>
    private static bool IsEfCoreOperation(InvocationExpressionSyntax operation)
    {
        for (ExpressionSyntax current = operation; current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }; current = access.Expression)
        {
            if (access.Name.Identifier.ValueText is "CreateIndex" or "DropIndex")
            {
                return access.Expression is not InvocationExpressionSyntax;
            }
        }

        return false;
    }

    private static async Task<Document> SetAnnotationAsync(Document document, InvocationExpressionSyntax operation, string annotation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // An existing .Annotation(name, false) is switched on rather than repeated.
        foreach (var call in operation.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation" }
                && call.ArgumentList.Arguments.Count == 2
                && model.GetConstantValue(call.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string name }
                && name == annotation)
            {
                var value = call.ArgumentList.Arguments[1].Expression;
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(value);
                return document.WithSyntaxRoot(root.ReplaceNode(value, replacement));
            }
        }

        // Chained on a line of its own, as `dotnet ef migrations add` writes annotations.
        var indentation = Indentation(operation) + "    ";
        var newLine = NewLine(root);
        var text = operation.WithoutTrivia().ToFullString()
            + newLine + indentation + ".Annotation(" + SyntaxFactory.Literal(annotation).ToString() + ", true)";
        var annotated = SyntaxFactory.ParseExpression(text).WithTriviaFrom(operation);
        return document.WithSyntaxRoot(root.ReplaceNode(operation, annotated));
    }

    private static SyntaxNode DropConcurrently(SyntaxNode root, InvocationExpressionSyntax operation, ExpressionSyntax builder, string? schema, string name)
    {
        var qualified = (schema is null ? string.Empty : QuoteIdentifier(schema) + ".") + QuoteIdentifier(name);
        var sql = "DROP INDEX CONCURRENTLY IF EXISTS " + qualified + ";";
        var text = builder.WithoutTrivia().ToFullString() + ".Sql(" + SyntaxFactory.Literal(sql).ToString() + ", suppressTransaction: true)";
        var replacement = SyntaxFactory.ParseExpression(text).WithTriviaFrom(operation);
        return root.ReplaceNode(operation, replacement);
    }

    /// <summary>PostgreSQL quoted identifier: EF Core created the index with this exact (case-sensitive) name.</summary>
    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string Indentation(SyntaxNode node)
    {
        var statement = node.FirstAncestorOrSelf<StatementSyntax>() ?? node;
        var whitespace = statement.GetLeadingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
        return whitespace.ToString();
    }

    private static string NewLine(SyntaxNode root)
    {
        var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine.ToString() : "\n";
    }
}
