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
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Reversal;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Reversal;

/// <summary>
/// MIG1002: adds to Down the inverse of each Up operation it forgot, after the inverses of the Up operations that came
/// after it, so Down stays Up in reverse.
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
            // Latest Up operation first: each inverse goes after the inverses of the Up operations that came after it,
            // so Down stays Up in reverse (DropIndex before the DropColumn of the indexed column, which would fail
            // on SQL Server and drop the index with it on PostgreSQL). The file is read again after each insertion.
            foreach (var index in pair.Value.OrderByDescending(i => i))
            {
                var compilation = (await current.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
                var catalog = MigrationCatalog.For(compilation);
                if (FindType(compilation, pair.Key, cancellationToken) is not { } type
                    || catalog.Get(type) is not { } migration
                    || index >= migration.Up.Operations.Length)
                {
                    return null;
                }

                var plan = InversePlanner.Plan(migration, catalog, new[] { migration.Up.Operations[index] });
                var after = LastInverseOfLaterOperation(migration, index);
                if (await DownMethodWriter.InsertIntoDownAsync(current, migration, plan, after, cancellationToken).ConfigureAwait(false) is not { } changed)
                {
                    return null;
                }

                current = changed;
            }
        }

        return current == document ? null : current;
    }

    private static INamedTypeSymbol? FindType(Compilation compilation, string fullName, CancellationToken cancellationToken)
        => compilation.GetSymbolsWithName(fullName.Split('.').Last(), SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .FirstOrDefault(t => t.ToDisplayString() == fullName);

    /// <summary>
    /// The last Down statement that undoes an Up operation after <paramref name="upIndex"/> (or a constraint it created);
    /// null when there is none, and the inverse then goes first.
    /// </summary>
    private static StatementSyntax? LastInverseOfLaterOperation(MigrationInfo migration, int upIndex)
    {
        var later = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        for (var i = upIndex + 1; i < migration.Up.Operations.Length; i++)
        {
            var operation = migration.Up.Operations[i];
            if (ReversalCheck.InverseSignature(operation) is { } inverse)
            {
                later.Add(inverse);
            }

            foreach (var constraint in operation.Constraints)
            {
                if (ReversalCheck.InverseSignature(constraint) is { } constraintInverse)
                {
                    later.Add(constraintInverse);
                }
            }
        }

        StatementSyntax? last = null;
        foreach (var operation in migration.Down.Operations)
        {
            if (operation.Statement is { } statement && ReversalCheck.Signature(operation) is { } signature && later.Contains(signature))
            {
                last = statement;
            }
        }

        return last;
    }
}
