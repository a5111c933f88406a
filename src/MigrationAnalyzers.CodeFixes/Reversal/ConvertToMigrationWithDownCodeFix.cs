using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.CodeFixes.Reversal;

/// <summary>
/// MIG1003: an AutoReversingMigration FluentMigrator cannot reverse becomes a <c>Migration</c> with a Down written
/// from Up, so the rollback is explicit and works.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertToMigrationWithDownCodeFix)), Shared]
public sealed class ConvertToMigrationWithDownCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG1003_ConvertToMigrationWithDown";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.AutoReversingMigrationCannotReverse);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await ReversibleMigration.FindAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } target
                || target.Migration.Style != MigrationStyle.AutoReversing
                || BaseTypeName(target.Declaration, target.Model, target.Catalog.Symbols.FmAutoReversingMigration) is not { } baseName)
            {
                // Through a user base class: changing that class would change every migration deriving from it.
                continue;
            }

            var rename = new TextChange(baseName.Identifier.Span, "Migration");
            var changed = await DownMethodWriter.WriteDownAsync(context.Document, target.Migration, target.Plan(), context.CancellationToken, rename).ConfigureAwait(false);
            if (changed is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Make it a Migration with a Down written from Up", _ => Task.FromResult(changed), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The <c>AutoReversingMigration</c> name in the class's base list (the right part when qualified).</summary>
    private static SimpleNameSyntax? BaseTypeName(ClassDeclarationSyntax declaration, SemanticModel model, INamedTypeSymbol? autoReversing)
    {
        foreach (var baseType in declaration.BaseList?.Types ?? default)
        {
            if (SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(baseType.Type).Type, autoReversing))
            {
                return baseType.Type switch
                {
                    SimpleNameSyntax simple => simple,
                    QualifiedNameSyntax qualified => qualified.Right,
                    AliasQualifiedNameSyntax alias => alias.Name,
                    _ => null,
                };
            }
        }

        return null;
    }
}
