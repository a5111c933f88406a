using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.CodeFixes.Reversal;

/// <summary>MIG1001: writes Down as the inverse of Up, operation by operation in reverse order.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateDownCodeFix)), Shared]
public sealed class GenerateDownCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG1001_GenerateDown";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.MigrationCannotBeRolledBack);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await ReversibleMigration.FindAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } target
                || target.Migration.Style != MigrationStyle.Explicit)
            {
                continue;
            }

            var changed = await DownMethodWriter.WriteDownAsync(context.Document, target.Migration, target.Plan(), context.CancellationToken).ConfigureAwait(false);
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
