using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// Tells the code that exists to write migrations (helpers, base classes, SQL loaders) from the application code a
/// migration must not depend on (MIG1110). Plumbing is versioned with the migrations; the application changes meaning
/// after a migration has shipped. Decisions that do not depend on the migration are cached per compilation.
/// </summary>
internal sealed class MigrationPlumbing
{
    private static readonly string[] ResourceReaders = { "GetManifestResourceStream", "GetManifestResourceNames" };

    private readonly Compilation _compilation;
    private readonly MigrationCatalog _catalog;
    private readonly string? _projectDirectory;
    private readonly Lazy<List<string>> _migrationNamespaceRoots;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _isPlumbing = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Made at compilation start, so it asks nothing of the compilation there: its assembly and the migration symbols
    /// are read at the first migration class that needs them (the first lookup waits for the references to be bound).
    /// </summary>
    public MigrationPlumbing(Compilation compilation, MigrationCatalog catalog, string? projectDirectory)
    {
        _compilation = compilation;
        _catalog = catalog;
        _projectDirectory = NormalizeDirectory(projectDirectory);
        _migrationNamespaceRoots = new Lazy<List<string>>(() => MigrationNamespaceRoots(catalog));
    }

    /// <summary>Is <paramref name="type"/> application code from the point of view of <paramref name="migration"/>?</summary>
    public bool IsApplicationType(INamedTypeSymbol type, INamedTypeSymbol migration)
    {
        type = type.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly)
            || type.IsImplicitlyDeclared
            || type.IsAnonymousType
            || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        return !BelongsToMigration(type, migration) && !_isPlumbing.GetOrAdd(type, IsPlumbing);
    }

    /// <summary>The migration, its base classes, and types nested in any of them (DTOs for seed data) are its own code.</summary>
    public static bool BelongsToMigration(INamedTypeSymbol type, INamedTypeSymbol migration)
    {
        for (var current = type.OriginalDefinition; current is not null; current = current.ContainingType)
        {
            for (var chain = migration; chain is not null; chain = chain.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(chain.OriginalDefinition, current))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsPlumbing(INamedTypeSymbol type)
    {
        var outermost = type;
        while (outermost.ContainingType is not null)
        {
            outermost = outermost.ContainingType;
        }

        return IsMigrationsAssembly()
               || IsInMigrationNamespace(outermost)
               || ExtendsMigrationFramework(outermost)
               || IsDeclaredWithMigrations(outermost)
               || IsMigrationFrameworkHelper(outermost)
               || ReadsEmbeddedResources(outermost);
    }

    // A project of its own for migrations (MyApp.Migrations, MyApp.Migrations.Postgres, MyApp.DbMigrations): the
    // application lives in the projects it references, everything declared here exists to write migrations.
    private bool IsMigrationsAssembly()
    {
        foreach (var segment in _compilation.AssemblyName?.Split('.') ?? Array.Empty<string>())
        {
            if (IsMigrationsWord(segment))
            {
                return true;
            }
        }

        return false;
    }

    // A namespace that holds migrations; below a "Migrations" segment also its sub-namespaces and siblings:
    // MyApp.Data.Migrations.Helpers next to MyApp.Data.Migrations, MyApp.Migrations.Common next to MyApp.Migrations.Postgres.
    // Without such a segment (migrations in MyApp.Data) sub-namespaces such as MyApp.Data.Entities stay application code.
    private bool IsInMigrationNamespace(INamedTypeSymbol type)
    {
        var name = NamespaceName(type);
        foreach (var root in _migrationNamespaceRoots.Value)
        {
            if (name == root
                || (IsMigrationsWord(LastSegment(root)) && name.StartsWith(root + ".", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static string LastSegment(string name) => name.Substring(name.LastIndexOf('.') + 1);

    private static List<string> MigrationNamespaceRoots(MigrationCatalog catalog)
    {
        var roots = new List<string>();
        foreach (var migration in catalog.All)
        {
            var name = NamespaceName(migration.Symbol);
            if (name.Length == 0)
            {
                continue;
            }

            var segments = name.Split('.');
            var root = name;
            for (var i = 0; i < segments.Length; i++)
            {
                if (IsMigrationsWord(segments[i]))
                {
                    root = string.Join(".", segments, 0, i + 1);
                    break;
                }
            }

            if (!roots.Contains(root))
            {
                roots.Add(root);
            }
        }

        return roots;
    }

    // A project base class (forward-only template, shared schema constants) that migrations derive from, and other
    // extensions of the frameworks: custom expressions, version table metadata, conventions.
    private bool ExtendsMigrationFramework(INamedTypeSymbol type)
    {
        if (DerivesFromMigration(type))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsMigrationFrameworkType(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private bool DerivesFromMigration(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (IsMigrationFrameworkType(current))
            {
                return true;
            }
        }

        return false;
    }

    // Files under a Migrations folder, and files linked into the project from outside its folder (shared helpers).
    private bool IsDeclaredWithMigrations(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var path = reference.SyntaxTree.FilePath;
            if (string.IsNullOrEmpty(path))
            {
                continue;
            }

            var normalized = path.Replace('\\', '/');
            if (_projectDirectory is not null && Path.IsPathRooted(normalized))
            {
                if (!normalized.StartsWith(_projectDirectory, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                // Only folders inside the project count: a checkout under C:/src/DataMigrations says nothing.
                normalized = normalized.Substring(_projectDirectory.Length);
            }

            var segments = normalized.Split('/');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (IsMigrationsWord(segments[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Classes whose methods or constructors work on MigrationBuilder, FluentMigrator's expression roots and syntax
    // builders or a migration: extension classes above all. Application code never takes a MigrationBuilder.
    private bool IsMigrationFrameworkHelper(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (IsMigrationFrameworkType(parameter.Type) || DerivesFromMigration(parameter.Type))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool IsMigrationFrameworkType(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var symbols = _catalog.Symbols;
        if (SymbolEqualityComparer.Default.Equals(definition, symbols.EfMigrationBuilder)
            || SymbolEqualityComparer.Default.Equals(definition, symbols.EfMigration)
            || SymbolEqualityComparer.Default.Equals(definition, symbols.FmMigration))
        {
            return true;
        }

        var ns = definition.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal)
               || ns == "FluentMigrator"
               || ns.StartsWith("FluentMigrator.", StringComparison.Ordinal);
    }

    // A loader of the migrations' own embedded .sql scripts; the scripts ship inside the migrations assembly.
    private static bool ReadsEmbeddedResources(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var name in declaration.DescendantNodes())
            {
                if (name is IdentifierNameSyntax identifier && Array.IndexOf(ResourceReaders, identifier.Identifier.ValueText) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Migrations, Migration, DbMigrations, DatabaseMigrations …
    private static bool IsMigrationsWord(string segment)
        => segment.EndsWith("Migrations", StringComparison.OrdinalIgnoreCase)
           || segment.EndsWith("Migration", StringComparison.OrdinalIgnoreCase);

    private static string NamespaceName(INamedTypeSymbol type)
        => type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty;

    private static string? NormalizeDirectory(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Path.IsPathRooted(directory))
        {
            return null;
        }

        var normalized = directory!.Replace('\\', '/');
        return normalized.EndsWith("/", StringComparison.Ordinal) ? normalized : normalized + "/";
    }
}
