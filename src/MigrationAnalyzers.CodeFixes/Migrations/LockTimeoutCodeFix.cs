using System.Collections.Immutable;
using System.Composition;
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
/// MIG1193: makes <c>SET LOCAL lock_timeout = '…'</c> the first statement of Up (EF Core <c>migrationBuilder.Sql(…)</c>,
/// FluentMigrator <c>Execute.Sql(…)</c>). SET LOCAL lasts until the migration's transaction ends, so it bounds every
/// lock wait of this migration and nothing after it; the analyzer offers the fix only where the whole Up runs in that
/// transaction. The timeout comes from the diagnostic (the setting as the analyzer read it), so Fix All writes the same.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LockTimeoutCodeFix)), Shared]
public sealed class LockTimeoutCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = RuleIds.LockingDdlWithoutLockTimeout + ".SetLocal";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.LockingDdlWithoutLockTimeout);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(LockingDdlWithoutLockTimeoutAnalyzer.TimeoutProperty, out var timeout)
                || timeout is null
                || EnclosingMigration.Of(model, diagnostic, context.CancellationToken) is not { } migration
                || migration.Up.Declaration is not { Body: { Statements.Count: > 0 } body } up
                || up.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var sql = "SET LOCAL lock_timeout = '" + timeout + "';";
            string call;
            if (migration.Framework == MigrationFramework.EntityFrameworkCore && up.ParameterList.Parameters.Count == 1)
            {
                call = up.ParameterList.Parameters[0].Identifier.ValueText + ".Sql(" + Literal(sql) + ");";
            }
            else if (migration.Framework == MigrationFramework.FluentMigrator && up.ParameterList.Parameters.Count == 0)
            {
                call = "Execute.Sql(" + Literal(sql) + ");";
            }
            else
            {
                continue;
            }

            var first = body.Statements[0];
            var endOfLine = SourceLayout.EndOfLine(model.SyntaxTree.GetText(context.CancellationToken).ToString());
            var statement = SyntaxFactory.ParseStatement(call)
                .WithLeadingTrivia(IndentationOf(first))
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine));
            context.RegisterCodeFix(
                SyntaxEditAction.Create(
                    "Start Up with SET LOCAL lock_timeout = '" + timeout + "'",
                    context.Document,
                    root => root.ReplaceNode(body, body.WithStatements(body.Statements.Insert(0, statement))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static string Literal(string text) => SyntaxFactory.Literal(text).Text;

    /// <summary>The whitespace that indents <paramref name="statement"/> on its line (not comments or blank lines above it).</summary>
    private static SyntaxTriviaList IndentationOf(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }
}
