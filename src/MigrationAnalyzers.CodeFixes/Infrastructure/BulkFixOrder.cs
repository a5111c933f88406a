using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Descriptors;

namespace MigrationAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// How bulk fixing settles the fixes of different rules that meet in one migration, so that its result does not depend
/// on the order the host runs the rules in. <c>dotnet format</c> runs one rule's Fix All after another, in the order of a
/// string hash set (so it changes from run to run). Rules whose fixes write migrations right after the same original
/// met there: once one of them had, the others found no room (<see cref="Reading.FollowingPositions"/>) and were
/// withheld, so whichever ran first won. Now a rule's fix yields to every rule before it in
/// <see cref="FollowingMigrationRules"/> whose fix writes them in that migration, and the same fix wins in every order.
/// The fixers of one rule are left in the host's order: a Fix All started from one fix (the IDE's "Fix all" on the
/// three steps) applies that fix, and <c>dotnet format</c> takes them in the assembly's order, the same in every run.
/// </summary>
internal static class BulkFixOrder
{
    /// <summary>
    /// The rules whose fix writes migrations right after the original, first wins: those whose migration fails or
    /// breaks running code come first (a NOT NULL column without a value fails on rows, a rename breaks old instances),
    /// then the ones that hold locks too long, and the schema-and-data split, the least harm, last.
    /// </summary>
    public static readonly ImmutableArray<string> FollowingMigrationRules = ImmutableArray.Create(
        RuleIds.NotNullColumnWithoutDefault,
        RuleIds.OneStepRename,
        RuleIds.RiskyColumnTypeChange,
        RuleIds.ConstraintValidatedAtOnce,
        RuleIds.UniqueConstraintWithoutIndex,
        RuleIds.DefaultRewritesTable,
        RuleIds.SchemaAndDataInOneMigration);

    /// <summary>Every fixer of the package, in the order of the assembly's types, as <c>dotnet format</c> takes them.</summary>
    private static readonly Lazy<ImmutableArray<CodeFixProvider>> Providers = new(() => typeof(BulkFixOrder).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type))
        .ToImmutableArray());

    /// <summary>The diagnostics of <see cref="FollowingMigrationRules"/>, once per compilation (a fix makes a new one).</summary>
    private static readonly ConditionalWeakTable<Compilation, Task<IReadOnlyList<Diagnostic>>> FollowingMigrationDiagnostics = new();

    /// <summary>
    /// The fix bulk fixing applies to <paramref name="diagnostic"/> with <paramref name="provider"/>, or null when it
    /// applies none: not offered, left to an earlier fixer of the rule, or yielding to an earlier rule's new migrations.
    /// </summary>
    public static async Task<CodeAction?> ActionAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await ShapeAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } action)
        {
            return null;
        }

        return WritesFollowingMigrations(provider, action) && await YieldsToEarlierRuleAsync(document, diagnostic, cancellationToken).ConfigureAwait(false)
            ? null
            : action;
    }

    /// <summary>
    /// The action bulk fixing will apply to another rule's diagnostic: that of the first of the rule's fixers in the order
    /// <c>dotnet format</c> takes them (the assembly's, fixed for a build) that offers one.
    /// </summary>
    private static async Task<CodeAction?> ActionOfRuleAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var ofRule = Providers.Value.Where(candidate => candidate.FixableDiagnosticIds.Contains(diagnostic.Id)).ToList();
        var position = ofRule.FindIndex(candidate => candidate.GetType() == provider.GetType());
        for (var index = 0; index < position; index++)
        {
            if (await ShapeAsync(ofRule[index], document, diagnostic, cancellationToken).ConfigureAwait(false) is not null)
            {
                return null;
            }
        }

        return await ShapeAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a rule before this one in <see cref="FollowingMigrationRules"/> has a diagnostic in the same migration
    /// whose bulk fix writes migrations right after it: that fix wins, and this one would find no room after it.
    /// </summary>
    private static async Task<bool> YieldsToEarlierRuleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var rank = FollowingMigrationRules.IndexOf(diagnostic.Id);
        if (rank <= 0
            || await MigrationTypeAt.DiagnosticAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } migration
            || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return false;
        }

        var earlier = FollowingMigrationRules.Take(rank).ToImmutableHashSet(StringComparer.Ordinal);
        var project = document.Project;
        var all = await FollowingMigrationDiagnostics.GetValue(compilation, _ => CurrentDiagnostics.OfAsync(project, FollowingMigrationRules.ToImmutableHashSet(StringComparer.Ordinal), null, CancellationToken.None)).ConfigureAwait(false);
        foreach (var other in all)
        {
            if (!earlier.Contains(other.Id)
                || project.GetDocument(other.Location.SourceTree) is not { } otherDocument
                || !SymbolEqualityComparer.Default.Equals(await MigrationTypeAt.DiagnosticAsync(otherDocument, other, cancellationToken).ConfigureAwait(false), migration))
            {
                continue;
            }

            foreach (var provider in Providers.Value.Where(candidate => candidate.FixableDiagnosticIds.Contains(other.Id)))
            {
                if (await ActionOfRuleAsync(provider, otherDocument, other, cancellationToken).ConfigureAwait(false) is { } action && WritesFollowingMigrations(provider, action))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The one offered shape the fixer applies in bulk: its preferred key, else the first action.</summary>
    private static async Task<CodeAction?> ShapeAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
        return Bulk(provider)?.FollowingMigrationsKey is { } key && actions.FirstOrDefault(action => action.EquivalenceKey == key) is { } preferred
            ? preferred
            : actions.FirstOrDefault();
    }

    private static bool WritesFollowingMigrations(CodeFixProvider provider, CodeAction action)
        => Bulk(provider)?.FollowingMigrationsKey is { } key && action.EquivalenceKey == key;

    private static OneByOneFixAllProvider? Bulk(CodeFixProvider provider) => provider.GetFixAllProvider() as OneByOneFixAllProvider;
}
