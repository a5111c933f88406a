using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.RulePacks;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.CodeFixes.ApiMigration;

/// <summary>
/// The fix for every rule-pack diagnostic that can have one (MIG2001, the built-in pack IDs whose rules have a rewrite, and MIG2002's rename or move): the rewrite chosen by the analyzer travels in
/// the diagnostic's properties. Fix All fixes every diagnostic of the IDs it is asked for, one by one (see OneByOneFixAllProvider).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RulePackCodeFix)), Shared]
public sealed class RulePackCodeFix : CodeFixProvider
{
    private const string EquivalenceKeyPrefix = "MigrationRulePack.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(MIG2001_RulePackMatch.Id, MIG2002_ObsoleteMemberNamesReplacement.Id).AddRange(PackDescriptors.WithRewrite.Select(descriptor => descriptor.Id));

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (DocumentRewriter.Plan(root, model, diagnostic) is null
                || !diagnostic.Properties.TryGetValue(FixProperties.RuleId, out var ruleId)
                || !diagnostic.Properties.TryGetValue(FixProperties.Rewrite, out var rewrite))
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Migrate API (" + ruleId + ": " + rewrite + ")",
                    cancellationToken => DocumentRewriter.ApplyAsync(document, new[] { diagnostic }, cancellationToken),
                    EquivalenceKeyPrefix + ruleId),
                diagnostic);
        }
    }
}
