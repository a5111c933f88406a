using System.Collections.Generic;
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
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1060: builds the index concurrently (PostgreSQL) or online (SQL Server) by adding the provider's annotation
/// (EF Core) or the extension's option (FluentMigrator), or drops a PostgreSQL index with <c>DROP INDEX CONCURRENTLY</c>
/// outside the transaction (EF Core).
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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false) is not InvocationExpressionSyntax operation
                || operation.Parent is not ExpressionStatementSyntax)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(BlockingIndexChangeAnalyzer.DatabaseProperty, out var database);
            diagnostic.Properties.TryGetValue(BlockingIndexChangeAnalyzer.ChangeProperty, out var change);
            if (!IsEfCoreOperation(operation))
            {
                await RegisterFluentMigratorFixAsync(context, diagnostic, operation, database, change).ConfigureAwait(false);
                continue;
            }

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

    /// <summary>
    /// FluentMigrator's Create.Index: the extension's option (<see cref="FluentNonBlockingIndex"/>). On PostgreSQL only
    /// when the index is alone in Up, as for EF Core: the whole migration then runs without a transaction. Dropping an
    /// index has no concurrent option in FluentMigrator, so a Delete.Index keeps its warning (the page shows the SQL).
    /// </summary>
    private static async Task RegisterFluentMigratorFixAsync(CodeFixContext context, Diagnostic diagnostic, InvocationExpressionSyntax operation, string? database, string? change)
    {
        var postgres = database == BlockingIndexChangeAnalyzer.PostgreSql;
        if (change != "Create" || (postgres && !IsOnlyStatement(operation)))
        {
            return;
        }

        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null || FluentNonBlockingIndex.TryPlan(model, operation, postgres, context.CancellationToken) is not { } plan)
        {
            return;
        }

        var (title, key) = postgres
            ? ("Create the index concurrently, without a transaction", ConcurrentlyKey)
            : ("Create the index online", OnlineKey);
        var indentation = Indentation(operation) + "    ";
        context.RegisterCodeFix(
            SyntaxEditAction.Create(
                title,
                context.Document,
                root => FluentNonBlockingIndex.Apply(root, operation, plan, indentation, NewLine(root), (current, chain, replacement) => Edit(current, chain, chain, replacement)),
                key),
            diagnostic);
    }

    /// <summary>The only statement of its block, apart from timeout settings (<see cref="TimeoutSettingsBeside"/>).</summary>
    private static bool IsOnlyStatement(InvocationExpressionSyntax operation)
        => operation.Parent is ExpressionStatementSyntax { Parent: BlockSyntax block }
           && block.Statements.Count == 1 + TimeoutSettingsBeside(operation).Count;

    /// <summary>
    /// The other statements of the operation's block that are <c>migrationBuilder.Sql("SET LOCAL lock_timeout …")</c>, as
    /// MIG1193's fix writes them. They go with this fix: SET LOCAL ends with the migration's transaction, which the
    /// concurrent change runs outside of, so the result is the same whichever of the two fixes ran first.
    /// </summary>
    private static List<StatementSyntax> TimeoutSettingsBeside(InvocationExpressionSyntax operation)
    {
        var settings = new List<StatementSyntax>();
        if (operation.Parent is ExpressionStatementSyntax { Parent: BlockSyntax block } own)
        {
            foreach (var statement in block.Statements)
            {
                if (statement != own
                    && statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sql" } } call }
                    && call.ArgumentList.Arguments.Count == 1
                    && call.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && TimeoutSettingSql.IsOnlyTimeoutSettings(literal.Token.ValueText))
                {
                    settings.Add(statement);
                }
            }
        }

        return settings;
    }

    /// <summary>Replaces <paramref name="target"/> (the operation or a node in it) and removes the timeout settings beside the operation.</summary>
    private static SyntaxNode Edit(SyntaxNode root, InvocationExpressionSyntax operation, SyntaxNode target, SyntaxNode replacement)
    {
        var settings = TimeoutSettingsBeside(operation);
        if (settings.Count == 0)
        {
            return root.ReplaceNode(target, replacement);
        }

        var tracked = root.TrackNodes(settings.Cast<SyntaxNode>().Append(target));
        tracked = tracked.ReplaceNode(tracked.GetCurrentNode(target)!, replacement);
        return tracked.RemoveNodes(settings.Select(setting => tracked.GetCurrentNode(setting)!), SyntaxRemoveOptions.KeepNoTrivia) ?? tracked;
    }

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
                return document.WithSyntaxRoot(Edit(root, operation, value, replacement));
            }
        }

        // Chained on a line of its own, as `dotnet ef migrations add` writes annotations.
        var indentation = Indentation(operation) + "    ";
        var newLine = NewLine(root);
        var text = operation.WithoutTrivia().ToFullString()
            + newLine + indentation + ".Annotation(" + SyntaxFactory.Literal(annotation).ToString() + ", true)";
        var annotated = SyntaxFactory.ParseExpression(text).WithTriviaFrom(operation);
        return document.WithSyntaxRoot(Edit(root, operation, operation, annotated));
    }

    private static SyntaxNode DropConcurrently(SyntaxNode root, InvocationExpressionSyntax operation, ExpressionSyntax builder, string? schema, string name)
    {
        var qualified = (schema is null ? string.Empty : QuoteIdentifier(schema) + ".") + QuoteIdentifier(name);
        var sql = "DROP INDEX CONCURRENTLY IF EXISTS " + qualified + ";";
        var text = builder.WithoutTrivia().ToFullString() + ".Sql(" + SyntaxFactory.Literal(sql).ToString() + ", suppressTransaction: true)";
        var replacement = SyntaxFactory.ParseExpression(text).WithTriviaFrom(operation);
        return Edit(root, operation, operation, replacement);
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
