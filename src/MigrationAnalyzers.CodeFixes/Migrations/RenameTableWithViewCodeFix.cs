using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1040 on a table rename: keeps the rename and creates, right after it in the same migration, a view under the old
/// name that selects every column of the renamed table (<see cref="RenameTableViewSql"/>), so the old application
/// version keeps reading and writing through the old name. Down drops the view before it renames the table back. The
/// view stays until the contract step, a later migration that drops it once no running version uses the old name.
/// Writes no following migration, so bulk fixing applies it like any fix that stays inside its migration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameTableWithViewCodeFix)), Shared]
public sealed class RenameTableWithViewCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = RuleIds.OneStepRename + ".ViewUnderOldName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OneStepRename);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (EnclosingMigration.Of(model, diagnostic, context.CancellationToken) is not { } migration
                || migration.Up.Operations.FirstOrDefault(operation => operation.Kind == MigrationOperationKind.RenameTable && operation.Syntax.Span == diagnostic.Location.SourceSpan) is not { Table: { } oldName } rename
                || Edit(model, migration, rename, TargetDatabasePolicy.ResolveForType(model.Compilation, context.Document.Project.AnalyzerOptions, migration.Symbol)) is not { } edit)
            {
                continue;
            }

            context.RegisterCodeFix(
                SyntaxEditAction.Create($"Keep the rename and create a view under the old name '{oldName}' until no running version uses it", context.Document, edit, EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The edit of the migration's file; null when the fix is not offered (the rule's message says why, or the code has a shape the fix does not edit).</summary>
    private static System.Func<SyntaxNode, SyntaxNode>? Edit(SemanticModel model, MigrationInfo migration, MigrationOperation rename, TargetDatabase target)
    {
        var catalog = MigrationCatalog.For(model.Compilation);
        var tree = model.SyntaxTree;
        if (migration.Up.Declaration is not { Body: not null } up || up.SyntaxTree != tree || !migration.Up.IsSelfContained
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit)
            || rename is not { Statement: ExpressionStatementSyntax { Parent: BlockSyntax } statement, Table: { } oldName, NewName: { } newName }
            || TableRenameViewability.WhyNoFix(target, catalog, migration, rename) is not null
            || RenameTableViewSql.For(target.Provider, rename.Schema, oldName, TableRenameViewability.NewSchemaOf(migration, rename), newName) is not { } sql
            || Call(migration, rename, sql.Create) is not { } create)
        {
            return null;
        }

        var lineBreak = SourceLayout.EndOfLine(tree.GetText().ToString());
        var comment = $"// The old application version keeps using {oldName} through this view. Drop it in a later migration, once no running version uses {oldName}.";
        var view = Statement(create, statement, lineBreak, comment);

        // Down renamed the table back: the view goes first, or the old name would be taken.
        ExpressionStatementSyntax? undoStatement = null;
        StatementSyntax? drop = null;
        if (migration.Down.IsDeclared)
        {
            var newSchema = TableRenameViewability.NewSchemaOf(migration, rename);
            var undo = migration.Down.Operations.FirstOrDefault(operation =>
                operation.Kind == MigrationOperationKind.RenameTable && operation.NewName == oldName
                && operation.Table is { } downTable && TableName.Matches(operation.Schema, downTable, newSchema, newName));
            if (undo is { Statement: ExpressionStatementSyntax { Parent: BlockSyntax } found } && found.SyntaxTree == tree && Call(migration, undo, sql.Drop) is { } dropCall)
            {
                undoStatement = found;
                drop = Statement(dropCall, found, lineBreak, comment: null);
            }
            else if (!migration.Down.DoesNothing)
            {
                return null;
            }
        }

        return root =>
        {
            var tracked = root.TrackNodes(undoStatement is null ? new SyntaxNode[] { statement } : new SyntaxNode[] { statement, undoStatement });
            tracked = tracked.InsertNodesAfter(tracked.GetCurrentNode(statement)!, new[] { view });
            // The drop takes the rename's place with its leading trivia (a blank line or a comment above it), so the two stay together.
            if (undoStatement is not null && drop is not null && tracked.GetCurrentNode(undoStatement) is { } undo)
            {
                tracked = tracked.ReplaceNode(undo, new SyntaxNode[] { drop.WithLeadingTrivia(undo.GetLeadingTrivia()), undo.WithLeadingTrivia(drop.GetLeadingTrivia()) });
            }

            return tracked;
        };
    }

    /// <summary>The SQL call as the framework writes it: <c>migrationBuilder.Sql(…)</c> on the rename's receiver, or FluentMigrator's <c>Execute.Sql(…)</c>.</summary>
    private static string? Call(MigrationInfo migration, MigrationOperation operation, string sql)
    {
        var literal = SymbolDisplay.FormatLiteral(sql, quote: true);
        if (migration.Framework == MigrationFramework.FluentMigrator)
        {
            return $"Execute.Sql({literal});";
        }

        return operation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? $"{access.Expression}.Sql({literal});"
            : null;
    }

    /// <summary>A statement at the indentation of <paramref name="next"/>, with an optional comment line above it.</summary>
    private static StatementSyntax Statement(string code, StatementSyntax next, string lineBreak, string? comment)
    {
        var leading = next.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
        var trivia = comment is null
            ? indentation
            : indentation.Add(SyntaxFactory.Comment(comment)).Add(SyntaxFactory.EndOfLine(lineBreak)).AddRange(indentation);
        return SyntaxFactory.ParseStatement(code).WithLeadingTrivia(trivia).WithTrailingTrivia(SyntaxFactory.EndOfLine(lineBreak));
    }
}
