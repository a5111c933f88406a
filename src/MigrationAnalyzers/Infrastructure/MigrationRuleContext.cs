using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// One migration handed to a <see cref="MigrationRuleAnalyzer{TCompilationFacts}"/>, with what it needs to report. A
/// struct: one is made for every rule and migration, most rules look at it once and return, and as objects they were
/// some eighty thousand on a history of 2,500 migrations. What it resolves is kept by <see cref="TargetDatabasePolicy"/>.
/// </summary>
public readonly struct MigrationRuleContext
{
    internal MigrationRuleContext(ClassAnalysisContext classContext, MigrationInfo migration, MigrationCatalog catalog)
    {
        _classContext = classContext;
        Migration = migration;
        Catalog = catalog;
    }

    private readonly ClassAnalysisContext _classContext;

    public MigrationInfo Migration { get; }

    public MigrationCatalog Catalog { get; }

    public Compilation Compilation => _classContext.Compilation;

    public AnalyzerOptions Options => _classContext.Options;

    public CancellationToken CancellationToken => _classContext.CancellationToken;

    /// <summary>The database the migration targets, decided by <see cref="TargetDatabasePolicy"/> (read once per migration).</summary>
    public TargetDatabase Database => TargetDatabasePolicy.Resolve(Compilation, Options, Migration);

    /// <summary>How the application is deployed (<c>migration_analyzers.deployment</c>, by default from the target database).</summary>
    public DeploymentModel Deployment => TargetDatabasePolicy.DeploymentOf(Compilation, Options, Migration);

    /// <summary>Old and new application versions share the schema and others write while it migrates: rolling-only rules speak.</summary>
    public bool IsRollingDeployment => Deployment == DeploymentModel.Rolling;

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs)
        => Report(descriptor, location, null, null, messageArgs);

    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
        => Report(descriptor, location, null, properties, messageArgs);

    /// <summary>Reports at <paramref name="location"/>, or for a column of a <c>CreateTable</c> at its table name (<see cref="ColumnListPlacement"/>).</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, IEnumerable<Location>? additionalLocations, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        var (primary, additional, placedProperties) = ColumnListPlacement.Place(location, additionalLocations, properties);
        Report(Diagnostic.Create(descriptor, primary, additional, placedProperties, messageArgs));
    }

    public void Report(Diagnostic diagnostic)
    {
        // An operation written in a base class (its Up, or a helper there) is part of every migration deriving from it:
        // the first of them reports it, so the base class holds one diagnostic, not one per migration.
        if (Catalog.OwnerOfInheritedCode(Migration, diagnostic.Location) is { } owner && !ReferenceEquals(owner, Migration))
        {
            return;
        }

        _classContext.ReportDiagnostic(diagnostic);
    }
}
