using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// Base of the migration rules that look at one migration at a time. It does what every such rule must: reads the
/// catalog once per compilation, stays idle when no migration API is referenced, and hands over each migration class
/// that is not before the configured baseline. <typeparamref name="TCompilationFacts"/> is what the rule resolves
/// once per compilation (providers in use, an index over the history …).
/// </summary>
public abstract class MigrationRuleAnalyzer<TCompilationFacts> : MigrationAnalyzer
    where TCompilationFacts : class
{
    protected MigrationRuleAnalyzer(params DiagnosticDescriptor[] descriptors)
        : base(descriptors)
    {
    }

    /// <summary>Every diagnostic goes through <see cref="MigrationRuleContext.Report(Diagnostic)"/> to the class's context.</summary>
    private protected sealed override bool FiltersGeneratedCodeItself => true;

    protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Resolved at the first class, not here: at compilation start the lookups wait for the compiler to bind the
        // references. DeclaredClasses hands over nothing when no migration API is referenced.
        var compilation = context.Compilation;
        var catalog = MigrationCatalog.For(compilation);
        var lazyFacts = new Lazy<TCompilationFacts?>(() => ResolveOnce(compilation, catalog), LazyThreadSafetyMode.ExecutionAndPublication);
        DeclaredClasses.Register(context, catalog, classContext =>
        {
            if (classContext.Migration is not { } migration
                || lazyFacts.Value is not { } facts
                || MigrationScope.IsBeforeBaseline(migration, classContext.Options))
            {
                return;
            }

            AnalyzeMigration(new MigrationRuleContext(classContext, migration, catalog), facts);
        });
    }

    /// <summary>What the rule needs from the compilation, resolved once; null when nothing in it can be reported.</summary>
    protected abstract TCompilationFacts? ResolveOnce(Compilation compilation, MigrationCatalog catalog);

    protected abstract void AnalyzeMigration(MigrationRuleContext context, TCompilationFacts facts);
}

/// <summary>A migration rule that needs nothing from the compilation beyond the catalog.</summary>
public abstract class MigrationRuleAnalyzer : MigrationRuleAnalyzer<MigrationCatalog>
{
    protected MigrationRuleAnalyzer(params DiagnosticDescriptor[] descriptors)
        : base(descriptors)
    {
    }

    /// <summary>False when the compilation lacks the API the rule checks (the catalog already knows some migration API is there).</summary>
    protected virtual bool AppliesTo(MigrationCatalog catalog) => true;

    protected sealed override MigrationCatalog? ResolveOnce(Compilation compilation, MigrationCatalog catalog)
        => AppliesTo(catalog) ? catalog : null;

    protected sealed override void AnalyzeMigration(MigrationRuleContext context, MigrationCatalog facts)
        => AnalyzeMigration(context);

    protected abstract void AnalyzeMigration(MigrationRuleContext context);
}
