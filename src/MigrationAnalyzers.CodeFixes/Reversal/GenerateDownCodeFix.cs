using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversal;

namespace MigrationAnalyzers.CodeFixes.Reversal;

/// <summary>MIG1001: writes Down as the inverse of Up, operation by operation in reverse order.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateDownCodeFix)), Shared]
public sealed class GenerateDownCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG1001_GenerateDown";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.MigrationCannotBeRolledBack);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(InversePlan.CanGenerateDownProperty, out var can) || can != "true")
            {
                continue;
            }

            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var declaration = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>();
            if (model is null || declaration is null || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
            {
                continue;
            }

            var catalog = MigrationCatalog.For(model.Compilation);
            if (catalog.Get(type) is not { Style: MigrationStyle.Explicit } migration)
            {
                continue;
            }

            var changed = await DownMethodWriter.WriteDownAsync(context.Document, migration, InversePlanner.Plan(migration, catalog), context.CancellationToken).ConfigureAwait(false);
            if (changed is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Generate Down from Up", _ => Task.FromResult(changed), EquivalenceKey),
                diagnostic);
        }
    }
}
