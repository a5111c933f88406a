using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// The EF Core and FluentMigrator types that make a class a migration, resolved once per compilation.
/// When neither framework is referenced, <see cref="HasAny"/> is false and migration rules register nothing.
/// </summary>
public sealed class MigrationSymbols
{
    private MigrationSymbols(Compilation compilation)
    {
        EfMigration = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Migration");
        EfMigrationBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder");
        EfMigrationAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute");
        EfDbContextAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute");
        EfModelBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelBuilder");
        EfColumnsBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.ColumnsBuilder");
        EfCreateTableBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.CreateTableBuilder`1");

        FmMigration = compilation.GetTypeByMetadataName("FluentMigrator.Migration");
        FmAutoReversingMigration = compilation.GetTypeByMetadataName("FluentMigrator.AutoReversingMigration");
        FmForwardOnlyMigration = compilation.GetTypeByMetadataName("FluentMigrator.ForwardOnlyMigration");
        FmIMigration = compilation.GetTypeByMetadataName("FluentMigrator.IMigration");
        FmMigrationAttribute = compilation.GetTypeByMetadataName("FluentMigrator.MigrationAttribute");
    }

    public static MigrationSymbols Create(Compilation compilation) => new MigrationSymbols(compilation);

    public INamedTypeSymbol? EfMigration { get; }

    public INamedTypeSymbol? EfMigrationBuilder { get; }

    public INamedTypeSymbol? EfMigrationAttribute { get; }

    public INamedTypeSymbol? EfDbContextAttribute { get; }

    public INamedTypeSymbol? EfModelBuilder { get; }

    /// <summary>The <c>table</c> of <c>CreateTable</c>'s columns lambda (<c>table.Column&lt;T&gt;(…)</c>).</summary>
    public INamedTypeSymbol? EfColumnsBuilder { get; }

    /// <summary>The <c>table</c> of <c>CreateTable</c>'s constraints lambda (<c>table.PrimaryKey(…)</c>), unconstructed.</summary>
    public INamedTypeSymbol? EfCreateTableBuilder { get; }

    public INamedTypeSymbol? FmMigration { get; }

    public INamedTypeSymbol? FmAutoReversingMigration { get; }

    public INamedTypeSymbol? FmForwardOnlyMigration { get; }

    public INamedTypeSymbol? FmIMigration { get; }

    public INamedTypeSymbol? FmMigrationAttribute { get; }

    public bool HasEntityFrameworkCore => EfMigration is not null;

    public bool HasFluentMigrator => FmIMigration is not null || FmMigration is not null;

    public bool HasAny => HasEntityFrameworkCore || HasFluentMigrator;

    /// <summary>Is this a migration class, directly or through user base classes, and of which framework and style?</summary>
    public bool TryClassify(INamedTypeSymbol type, out MigrationFramework framework, out MigrationStyle style)
    {
        framework = default;
        style = MigrationStyle.Explicit;
        if (type.TypeKind != TypeKind.Class || type.IsAbstract)
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            if (EfMigration is not null && SymbolEqualityComparer.Default.Equals(definition, EfMigration))
            {
                framework = MigrationFramework.EntityFrameworkCore;
                return true;
            }

            if (FmAutoReversingMigration is not null && SymbolEqualityComparer.Default.Equals(definition, FmAutoReversingMigration))
            {
                framework = MigrationFramework.FluentMigrator;
                style = MigrationStyle.AutoReversing;
                return true;
            }

            if (FmForwardOnlyMigration is not null && SymbolEqualityComparer.Default.Equals(definition, FmForwardOnlyMigration))
            {
                framework = MigrationFramework.FluentMigrator;
                style = MigrationStyle.ForwardOnly;
                return true;
            }

            if (FmMigration is not null && SymbolEqualityComparer.Default.Equals(definition, FmMigration))
            {
                framework = MigrationFramework.FluentMigrator;
                return true;
            }
        }

        if (FmIMigration is not null)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, FmIMigration))
                {
                    framework = MigrationFramework.FluentMigrator;
                    return true;
                }
            }
        }

        return false;
    }
}
