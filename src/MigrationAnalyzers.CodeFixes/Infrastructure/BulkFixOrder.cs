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
/// How bulk fixing settles the fixes that meet in one migration, so that its result does not depend on the order the
/// host runs them in. <c>dotnet format</c> runs one rule's Fix All after another, in the order of a string hash set
/// (so it changes from run to run), and the fixers of one rule one after another. Two meetings depended on that order:
/// <list type="bullet">
/// <item>Fixers of one rule: a fix that stays inside the migration comes before one that writes new migrations after it
/// (MIG1030's default before its three steps), and a later fixer leaves a diagnostic that an earlier one fixes.</item>
/// <item>Rules whose fixes write migrations right after the same original: once one of them has, the others find no
/// room there (<see cref="Reading.FollowingPositions"/>) and are withheld, so whichever ran first won. Now a rule's fix
/// yields to every rule before it in <see cref="FollowingMigrationRules"/> whose fix writes them in that migration, and
/// the same fix wins in every order.</item>
/// </list>
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

    /// <summary>Every fixer of the package, fixers that stay inside the migration first, then by name.</summary>
    private static readonly Lazy<ImmutableArray<CodeFixProvider>> Providers = new(() => typeof(BulkFixOrder).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type))
        .OrderBy(provider => Bulk(provider)?.FollowingMigrationsKey is null ? 0 : 1)
        .ThenBy(provider => provider.GetType().FullName, StringComparer.Ordinal)
        .ToImmutableArray());

    /// <summary>The diagnostics of <see cref="FollowingMigrationRules"/>, once per compilation (a fix makes a new one).</summary>
    private static readonly ConditionalWeakTable<Compilation, Task<IReadOnlyList<Diagnostic>>> FollowingMigrationDiagnostics = new();

    /// <summary>
    /// The fix bulk fixing applies to <paramref name="diagnostic"/> with <paramref name="provider"/>, or null when it
    /// applies none: not offered, left to an earlier fixer of the rule, or yielding to an earlier rule's new migrations.
    /// </summary>
    public static async Task<CodeAction?> ActionAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await ActionOfRuleAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } action)
        {
            return null;
        }

        return WritesFollowingMigrations(provider, action) && await YieldsToEarlierRuleAsync(document, diagnostic, cancellationToken).ConfigureAwait(false)
            ? null
            : action;
    }

    /// <summary>The action of this fixer, unless a fixer of the same rule that comes before it fixes the diagnostic.</summary>
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
