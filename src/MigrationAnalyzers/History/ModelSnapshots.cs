using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.History;

/// <summary>
/// The EF Core model snapshots of a compilation by context: <c>[DbContext(typeof(AppDbContext))] partial class
/// AppDbContextModelSnapshot : ModelSnapshot</c> and its <c>BuildModel</c>, the model <c>migrations add</c> compares the
/// application with. Only the declarations are found here; the model is read from syntax when a rule asks.
/// </summary>
internal sealed class ModelSnapshots
{
    /// <summary>
    /// By the context's name, the snapshots' syntax: no symbol, so the same answer serves every compilation of the same
    /// source (the IDE makes a new one for each document, and finding the snapshots binds every class's base type).
    /// </summary>
    private readonly Dictionary<string, List<MethodDeclarationSyntax?>> _byContext;

    private ModelSnapshots(Dictionary<string, List<MethodDeclarationSyntax?>> byContext)
    {
        _byContext = byContext;
    }

    /// <summary>
    /// The <c>BuildModel</c> of the one snapshot of <paramref name="context"/>; null when there is none, when it has no
    /// <c>BuildModel</c> in source, or when several snapshots name the context (which one EF Core uses is not known here).
    /// </summary>
    public MethodDeclarationSyntax? BuildModelOf(INamedTypeSymbol context)
        => _byContext.TryGetValue(context.ToDisplayString(), out var snapshots) && snapshots.Count == 1 ? snapshots[0] : null;

    /// <summary>The snapshots of <paramref name="compilation"/>; none when EF Core's <c>ModelSnapshot</c> or <c>[DbContext]</c> is not referenced.</summary>
    public static ModelSnapshots For(Compilation compilation)
        => SameContentCache.For(compilation).GetOrAdd("model-snapshots", () =>
            compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot") is { } modelSnapshot
            && compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute") is { } dbContextAttribute
                ? Find(compilation, modelSnapshot, dbContextAttribute)
                : new ModelSnapshots(new Dictionary<string, List<MethodDeclarationSyntax?>>(StringComparer.Ordinal)));

    private static ModelSnapshots Find(Compilation compilation, INamedTypeSymbol modelSnapshot, INamedTypeSymbol dbContextAttribute)
    {
        var byContext = new Dictionary<string, List<MethodDeclarationSyntax?>>(StringComparer.Ordinal);
        Collect(compilation.Assembly.GlobalNamespace, modelSnapshot, dbContextAttribute, byContext);
        return new ModelSnapshots(byContext);
    }

    /// <summary>Types only, as <see cref="MigrationCatalog"/> walks them: all members would build every method's symbol.</summary>
    private static void Collect(
        INamespaceSymbol container,
        INamedTypeSymbol modelSnapshot,
        INamedTypeSymbol dbContextAttribute,
        Dictionary<string, List<MethodDeclarationSyntax?>> byContext)
    {
        foreach (var ns in container.GetNamespaceMembers())
        {
            Collect(ns, modelSnapshot, dbContextAttribute, byContext);
        }

        foreach (var type in container.GetTypeMembers())
        {
            Collect(type, modelSnapshot, dbContextAttribute, byContext);
        }
    }

    private static void Collect(
        INamedTypeSymbol type,
        INamedTypeSymbol modelSnapshot,
        INamedTypeSymbol dbContextAttribute,
        Dictionary<string, List<MethodDeclarationSyntax?>> byContext)
    {
        if (type.TypeKind == TypeKind.Class && !type.IsAbstract && DerivesFrom(type, modelSnapshot) && ContextOf(type, dbContextAttribute) is { } context)
        {
            if (!byContext.TryGetValue(context.ToDisplayString(), out var list))
            {
                byContext[context.ToDisplayString()] = list = new List<MethodDeclarationSyntax?>();
            }

            list.Add(BuildModel(type));
        }

        foreach (var nested in type.GetTypeMembers())
        {
            Collect(nested, modelSnapshot, dbContextAttribute, byContext);
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static INamedTypeSymbol? ContextOf(INamedTypeSymbol type, INamedTypeSymbol dbContextAttribute)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, dbContextAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol context)
            {
                return context;
            }
        }

        return null;
    }

    private static MethodDeclarationSyntax? BuildModel(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers("BuildModel"))
        {
            if (member is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 } method)
            {
                return method.DeclaringSyntaxReferences[0].GetSyntax() as MethodDeclarationSyntax;
            }
        }

        return null;
    }
}
