using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
using MigrationAnalyzers.Reversal;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Reversal;

/// <summary>
/// MIG1002: adds to Down the inverse of the Up operations it forgot, at its start (they undo later changes first).
/// Fix All gathers every forgotten operation of a migration into one edit, so the inverses keep their order.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingInversesCodeFix)), Shared]
public sealed class AddMissingInversesCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG1002_AddMissingInverses";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.DownDoesNotUndoUp);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(DownDoesNotUndoUpAnalyzer.UpOperationIndexProperty))
            {
                continue;
            }

            var changed = await FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
            if (changed is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Add the missing inverse to Down", _ => Task.FromResult(changed), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>One migration at a time: after each edit the document is read again, so positions stay right.</summary>
    private static async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        // Which Up operations each migration class forgot, by the class's full name (stable across edits).
        var forgotten = new Dictionary<string, HashSet<int>>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DownDoesNotUndoUpAnalyzer.UpOperationIndexProperty, out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } declaration
                && model.GetDeclaredSymbol(declaration, cancellationToken) is { } type)
            {
                var key = type.ToDisplayString();
                if (!forgotten.TryGetValue(key, out var set))
                {
                    forgotten[key] = set = new HashSet<int>();
                }

                set.Add(index);
            }
        }

        var current = document;
        foreach (var pair in forgotten)
        {
            var compilation = (await current.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var catalog = MigrationCatalog.For(compilation);
            var type = compilation.GetSymbolsWithName(pair.Key.Split('.').Last(), SymbolFilter.Type, cancellationToken)
                .OfType<INamedTypeSymbol>()
                .FirstOrDefault(t => t.ToDisplayString() == pair.Key);
            if (type is null || catalog.Get(type) is not { } migration)
            {
                return null;
            }

            var operations = pair.Value.Where(i => i < migration.Up.Operations.Length).Select(i => migration.Up.Operations[i]).ToList();
            var plan = InversePlanner.Plan(migration, catalog, operations);
            if (await DownMethodWriter.PrependToDownAsync(current, migration, plan, cancellationToken).ConfigureAwait(false) is not { } changed)
            {
                return null;
            }

            current = changed;
        }

        return current == document ? null : current;
    }
}
