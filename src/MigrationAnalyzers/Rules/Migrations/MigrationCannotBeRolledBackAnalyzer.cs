using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Reversal;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1001: Up changes the database but Down is missing, empty or only throws.
/// Declared intent is respected: FluentMigrator's ForwardOnlyMigration and a Down that throws on purpose are reported
/// only when the option asks for it, a data-only migration's empty Down only when its option asks for it, and a
/// Down that a project base class declares for all its migrations is reported once, on the base class.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationCannotBeRolledBackAnalyzer : MigrationAnalyzer
{
    public MigrationCannotBeRolledBackAnalyzer()
        : base(MIG1001_MigrationCannotBeRolledBack)
    {
    }

    /// <summary>It reports only through the classes <see cref="DeclaredClasses"/> hands over.</summary>
    private protected override bool FiltersGeneratedCodeItself => true;

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Whether any migration API is referenced is asked per file (DeclaredClasses), not here.
        var catalog = MigrationCatalog.For(context.Compilation);
        DeclaredClasses.Register(context, catalog, classContext =>
        {
            if (classContext.Migration is { } migration && !MigrationScope.IsBeforeBaseline(migration, classContext.Options))
            {
                AnalyzeMigration(new MigrationRuleContext(classContext, migration, catalog));
            }

            AnalyzeBaseClass(classContext, classContext.Type, catalog);
            AnalyzeForwardOnlyBaseClass(classContext, classContext.Type, catalog);
        });
    }

    private static void AnalyzeMigration(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (!migration.Up.HasContent)
        {
            return;
        }

        var settings = new SettingReader(context.Options, migration.Location.SourceTree);
        switch (migration.Style)
        {
            case MigrationStyle.AutoReversing:
                return;
            case MigrationStyle.ForwardOnly:
                // Through a project base class, the base class declares it once and is reported once (AnalyzeBaseClass).
                if (settings.GetBool(SettingKeys.ReportForwardOnly, defaultValue: false) && DerivesDirectlyFromForwardOnly(migration.Symbol, context.Catalog.Symbols))
                {
                    context.Report(MIG1001_MigrationCannotBeRolledBack, migration.Location, migration.Name, "it is a ForwardOnlyMigration");
                }

                return;
        }

        if (!migration.Down.CannotUndo)
        {
            return;
        }

        // A base class's Down that throws or is empty is written once for all its migrations: reported there, once.
        if (migration.Down.IsInheritedBy(migration.Symbol) && migration.Down.DeclarationOnlyThrowsOrIsEmpty)
        {
            return;
        }

        if (RollbackIntent.DeclaresForwardOnly(migration.Down) && !settings.GetBool(SettingKeys.ReportForwardOnly, defaultValue: false))
        {
            return;
        }

        // A backfill or seed with an empty Down is the usual shape of a data migration, not a forgotten inverse.
        if (RollbackIntent.OnlyChangesData(migration.Up) && !settings.GetBool(SettingKeys.ReportDataOnly, defaultValue: false))
        {
            return;
        }

        var reason = !migration.Down.IsDeclared ? "Down is missing"
            : migration.Down.Throws ? "Down only throws"
            : "Down is empty";

        // Say up front whether the fix can write Down, and if not, which operation stops it.
        var plan = InversePlanner.Plan(migration, context.Catalog);
        if (!plan.IsComplete)
        {
            reason += "; no Down can be generated because " + plan.BlockingReason;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(InversePlan.CanGenerateDownProperty, plan.IsComplete ? "true" : "false");
        var location = migration.Down.IsInheritedBy(migration.Symbol) ? migration.Location : migration.Down.IdentifierLocation ?? migration.Location;
        context.Report(MIG1001_MigrationCannotBeRolledBack, location, properties, migration.Name, reason);
    }

    /// <summary>
    /// A project base class (<c>ProjectMigration : Migration</c>) whose Down throws or is empty, inherited by migrations
    /// that change the database: one report on the base class's Down, never one per migration. A throwing Down is
    /// the project's forward-only declaration and is reported only when <c>report_forward_only</c> asks for it.
    /// </summary>
    private static void AnalyzeBaseClass(ClassAnalysisContext context, INamedTypeSymbol type, MigrationCatalog catalog)
    {
        if (type.TypeKind != TypeKind.Class || !DeclaresDown(type) || !DerivesFromExplicitMigration(type, catalog.Symbols))
        {
            return;
        }

        // A concrete migration that is also a base class is reported as a migration when its own Up changes something.
        if (catalog.Get(type) is { Up.HasContent: true })
        {
            return;
        }

        var settings = type.Locations.Length > 0 ? new SettingReader(context.Options, type.Locations[0].SourceTree) : new SettingReader(context.Options, null);
        var reportDataOnly = settings.GetBool(SettingKeys.ReportDataOnly, defaultValue: false);
        MigrationBody? down = null;
        var inheritors = 0;
        foreach (var migration in catalog.All)
        {
            // Cheap rejection first: only a class deriving from this one can inherit its Down, and asking costs no body.
            if (migration.Style != MigrationStyle.Explicit
                || !DerivesFrom(migration.Symbol, type)
                || !migration.Up.HasContent
                || (!reportDataOnly && RollbackIntent.OnlyChangesData(migration.Up))
                || !migration.Down.IsInheritedBy(migration.Symbol)
                || migration.Down.Method is not { } method
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, type.OriginalDefinition)
                || MigrationScope.IsBeforeBaseline(migration, context.Options))
            {
                continue;
            }

            down ??= migration.Down;
            inheritors++;
        }

        if (down is null || !down.CannotUndo || !down.DeclarationOnlyThrowsOrIsEmpty || down.IdentifierLocation is not { } location)
        {
            return;
        }

        if (down.Throws && !settings.GetBool(SettingKeys.ReportForwardOnly, defaultValue: false))
        {
            return;
        }

        var reason = string.Format(
            CultureInfo.InvariantCulture,
            "it is the base class of {0} migration{1} and its Down {2}",
            inheritors,
            inheritors == 1 ? string.Empty : "s",
            down.Throws ? "only throws" : "is empty");
        context.ReportDiagnostic(Diagnostic.Create(MIG1001_MigrationCannotBeRolledBack, location, type.Name, reason));
    }

    /// <summary>
    /// A project base class deriving from ForwardOnlyMigration, with <c>report_forward_only</c>: reported once on the
    /// base class rather than once per migration deriving from it.
    /// </summary>
    private static void AnalyzeForwardOnlyBaseClass(ClassAnalysisContext context, INamedTypeSymbol type, MigrationCatalog catalog)
    {
        if (type.TypeKind != TypeKind.Class
            || !DerivesDirectlyFromForwardOnly(type, catalog.Symbols)
            || catalog.Get(type) is { Up.HasContent: true }
            || type.Locations.Length == 0
            || !type.Locations[0].IsInSource
            || !new SettingReader(context.Options, type.Locations[0].SourceTree).GetBool(SettingKeys.ReportForwardOnly, defaultValue: false))
        {
            return;
        }

        var inheritors = 0;
        foreach (var migration in catalog.All)
        {
            if (migration.Style == MigrationStyle.ForwardOnly
                && !SymbolEqualityComparer.Default.Equals(migration.Symbol.OriginalDefinition, type.OriginalDefinition)
                && DerivesFrom(migration.Symbol, type)
                && migration.Up.HasContent
                && !MigrationScope.IsBeforeBaseline(migration, context.Options))
            {
                inheritors++;
            }
        }

        if (inheritors > 0)
        {
            var reason = string.Format(
                CultureInfo.InvariantCulture,
                "it is the base class of {0} migration{1} and a ForwardOnlyMigration",
                inheritors,
                inheritors == 1 ? string.Empty : "s");
            context.ReportDiagnostic(Diagnostic.Create(MIG1001_MigrationCannotBeRolledBack, type.Locations[0], type.Name, reason));
        }
    }

    private static bool DerivesDirectlyFromForwardOnly(INamedTypeSymbol type, MigrationSymbols symbols)
        => type.BaseType is { } baseType && SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, symbols.FmForwardOnlyMigration);

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFromExplicitMigration(INamedTypeSymbol type, MigrationSymbols symbols)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, symbols.EfMigration) || SymbolEqualityComparer.Default.Equals(definition, symbols.FmMigration))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresDown(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers("Down"))
        {
            if (member is IMethodSymbol { IsStatic: false, IsAbstract: false, DeclaringSyntaxReferences.Length: > 0 })
            {
                return true;
            }
        }

        return false;
    }
}
