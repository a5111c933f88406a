using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1010 fix (EF Core): takes the drop out of <c>Up</c> and its inverse out of <c>Down</c> (the <c>AddColumn</c>, or the
/// <c>CreateTable</c> with its <c>CreateIndex</c> calls). The migration's model already stopped mapping the column or
/// table, so this migration starts the deprecation period; the drop is written in a later migration.
/// Not offered when a statement holds more than the drop, or when Down restores it in a way the fix cannot take out whole.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepForNowCodeFix)), Shared]
public sealed class KeepForNowCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG1010.KeepForNow";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.DropWithoutDeprecation);

    // Not the batch fixer: it keeps only the actions whose equivalence key matches the one Fix All was started with, and
    // dotnet format takes that key from the first diagnostic's first action. When that diagnostic gets no fix (a
    // FluentMigrator drop), the key is null and the batch fixer applies nothing, in any migration.
    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (StatementsToRemove(semanticModel, diagnostic, context.CancellationToken) is not { } statements)
            {
                continue;
            }

            var what = diagnostic.Properties.TryGetValue(DropWithoutDeprecationAnalyzer.WhatProperty, out var kind) && kind == "table" ? "table" : "column";
            context.RegisterCodeFix(
                SyntaxEditAction.Create($"Keep the {what} for now", context.Document, root => Remove(root, statements), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Removes the statements with their trivia; a block that then starts with a blank line loses it.</summary>
    private static SyntaxNode Remove(SyntaxNode root, List<StatementSyntax> statements)
    {
        var blockAnnotation = new SyntaxAnnotation();
        root = root.ReplaceNodes(
            statements.ConvertAll(s => s.Parent!).FindAll(p => p is BlockSyntax),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(blockAnnotation));
        var annotated = new List<StatementSyntax>();
        foreach (var statement in statements)
        {
            // Find the same statement again in the rewritten tree (annotating changed the nodes above it only).
            if (root.FindNode(statement.Span) is StatementSyntax again)
            {
                annotated.Add(again);
            }
        }

        root = root.RemoveNodes(annotated, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
        return root.ReplaceNodes(
            root.GetAnnotatedNodes(blockAnnotation),
            (_, block) => block is BlockSyntax { Statements.Count: > 0 } rewritten
                ? rewritten.ReplaceNode(rewritten.Statements[0], rewritten.Statements[0].WithLeadingTrivia(WithoutLeadingBlankLines(rewritten.Statements[0].GetLeadingTrivia())))
                : block);
    }

    private static SyntaxTriviaList WithoutLeadingBlankLines(SyntaxTriviaList trivia)
    {
        var start = 0;
        for (var index = 0; index < trivia.Count; index++)
        {
            if (trivia[index].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia))
            {
                start = index + 1;
            }
            else if (!trivia[index].IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        return SyntaxFactory.TriviaList(System.Linq.Enumerable.Skip(trivia, start));
    }

    private static List<StatementSyntax>? StatementsToRemove(SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Statements are removed from Up and Down themselves, never from helpers other code may call.
        if (EnclosingMigration.Of(semanticModel, diagnostic, cancellationToken) is not { Framework: MigrationFramework.EntityFrameworkCore } migration
            || !migration.Up.IsSelfContained || !migration.Down.IsSelfContained)
        {
            return null;
        }

        MigrationOperation? drop = null;
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind is MigrationOperationKind.DropColumn or MigrationOperationKind.DropTable && operation.Syntax.Span == diagnostic.Location.SourceSpan)
            {
                drop = operation;
            }
        }

        // The drop must be a statement of its own (not an expression-bodied Up), in the same file as Down's inverse.
        if (drop?.Statement is not ExpressionStatementSyntax dropStatement || drop.Table is not { } table)
        {
            return null;
        }

        var statements = new List<StatementSyntax> { dropStatement };
        foreach (var operation in migration.Down.Operations)
        {
            if (operation.Table is not { } inverseTable || !TableName.Matches(operation.Schema, inverseTable, drop.Schema, table))
            {
                continue;
            }

            var isInverse = drop.Kind == MigrationOperationKind.DropColumn
                ? operation.Kind == MigrationOperationKind.AddColumn && string.Equals(operation.Name, drop.Name, StringComparison.OrdinalIgnoreCase)
                : operation.Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.CreateIndex;
            if (!isInverse)
            {
                continue;
            }

            if (operation.Statement is not ExpressionStatementSyntax inverse || inverse.SyntaxTree != dropStatement.SyntaxTree)
            {
                return null;
            }

            statements.Add(inverse);
        }

        // A timeout setting (MIG1193's SET LOCAL lock_timeout) left alone in Up was written for the drop: it goes too, so
        // the result is the same whichever of the two fixes ran first.
        var rest = migration.Up.Operations.Where(operation => operation.Statement != dropStatement).ToList();
        if (rest.Count > 0 && migration.Up.UnrecognizedStatements.IsEmpty
            && rest.All(operation => operation.OnlySetsTimeouts() && operation.Statement is ExpressionStatementSyntax setting && setting.SyntaxTree == dropStatement.SyntaxTree))
        {
            statements.AddRange(rest.Select(operation => operation.Statement!).Distinct());
        }

        return statements;
    }
}
